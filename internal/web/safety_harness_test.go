package web_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// postgresDSN creates a fresh schema on the test PostgreSQL
// (MNR_TEST_POSTGRES, default the local test database) and returns a DSN
// for it; "" when PostgreSQL does not answer outside CI.
func postgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv("MNR_TEST_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	if base == "off" {
		return ""
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return ""
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL not reachable in CI: %v", err)
		}
		t.Logf("PostgreSQL tests skipped: %v", err)
		return ""
	}
	schema := fmt.Sprintf("w_%s_%d", strings.ToLower(strings.NewReplacer("/", "_", "-", "_").Replace(t.Name())), time.Now().UnixNano())
	if len(schema) > 60 {
		schema = fmt.Sprintf("w_%d", time.Now().UnixNano())
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	return base + "&search_path=" + schema
}

// openStore opens and migrates a store on dsn, closed with the test.
func openStore(t testing.TB, dsn string) *store.Store {
	t.Helper()
	db, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

// databases names the DSNs to run a web test on: a SQLite file and, when
// it answers, a fresh PostgreSQL schema.
func databases(t testing.TB) map[string]string {
	out := map[string]string{"sqlite": filepath.Join(t.TempDir(), "mnr.db")}
	if dsn := postgresDSN(t); dsn != "" {
		out["postgres"] = dsn
	}
	return out
}

// newAppOn is newApp on a given store: a second server instance on the
// same database, or a server on PostgreSQL.
func newAppOn(t testing.TB, db *store.Store, opts ...func(*web.Config)) *app {
	t.Helper()
	fw, err := framework.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := web.Config{Version: "test"}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := web.New(cfg, db, fw)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &app{t: t, db: db, fw: fw, srv: srv, ts: ts}
}

// behindProxy trusts X-Forwarded-For, so tests can speak from several
// client addresses.
func behindProxy(cfg *web.Config) { cfg.TrustProxy = true }
