package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// lockedBuffer collects the log of a server running in another goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// The database URL's password never reaches the log: the server logs the
// address it serves and the database with the password masked. The test
// database trusts local connections, so any password signs in.
func TestServeLogsNoDatabasePassword(t *testing.T) {
	base := os.Getenv("MNR_TEST_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	admin, err := sql.Open("pgx", base)
	if err != nil || base == "off" {
		t.Skip("no PostgreSQL")
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL not reachable in CI: %v", err)
		}
		t.Skipf("PostgreSQL: %v", err)
	}
	schema := fmt.Sprintf("serve_redact_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	dsn := strings.Replace(base, "postgres@", "postgres:Topsecret-pw-42@", 1) + "&search_path=" + schema
	if !strings.Contains(dsn, "Topsecret-pw-42") {
		t.Fatalf("the test DSN has no password: %s", dsn)
	}

	var log lockedBuffer
	addr := freeAddr(t)
	sctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		m := NewMain(strings.NewReader(""), io.Discard, &log)
		done <- m.Run(sctx, []string{"serve", "-db", dsn, "-addr", addr})
	}()
	for i := 0; ; i++ {
		res, err := http.Get("http://" + addr + "/healthz")
		if err == nil && res.StatusCode == 200 {
			res.Body.Close()
			break
		}
		if i > 400 { // 20 s: migrating PostgreSQL on a busy machine
			t.Fatalf("server did not start: %v\n%s", err, log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	out := log.String()
	if strings.Contains(out, "Topsecret-pw-42") || !strings.Contains(out, "postgres:xxxxx@") {
		t.Errorf("the log shows the password, or no database at all:\n%s", out)
	}
}

// A mistyped SMTP URL is reported without its password.
func TestServeReportsBadSMTPURLWithoutPassword(t *testing.T) {
	t.Setenv("MNR_SMTP_URL", "smtp://mailer:Hunter2-secret%zz@smtp.example:587?from=noreply@example.org")
	t.Setenv("MNR_BASE_URL", "https://mnr.example.org")
	var log lockedBuffer
	m := NewMain(strings.NewReader(""), io.Discard, &log)
	err := m.Run(context.Background(), []string{"serve", "-db", filepath.Join(t.TempDir(), "mnr.db"), "-addr", freeAddr(t)})
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || strings.Contains(err.Error(), "Hunter2") || strings.Contains(log.String(), "Hunter2") || !strings.Contains(err.Error(), "MNR_SMTP_URL") {
		t.Errorf("error %v\nlog:\n%s", err, log.String())
	}
}
