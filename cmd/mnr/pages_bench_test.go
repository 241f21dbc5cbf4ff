package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/bench"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// BenchmarkDemoPages renders the main pages of the demo (as "mnr bench"
// measures them) through the real router, in process, for profiles:
// go test ./cmd/mnr -run '^$' -bench DemoPages -cpuprofile cpu.out
func BenchmarkDemoPages(b *testing.B) {
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil))) // no request log in the figures
	db, ts := demoSite(b)
	cookie := demoSignIn(b, ts.URL, "coordinator@demoland.example")
	id, capKey := demoDraft(b, db)
	a := fmt.Sprintf("/assessments/%d", id)
	for _, p := range []struct{ name, path string }{{"capability", a + "/capabilities/" + capKey}, {"overview", a},
		{"home", "/"}, {"report", a + "/report"}} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			size := 0
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest("GET", p.path, nil)
				req.Header.Set("Cookie", cookie)
				req.Header.Set("Accept-Encoding", "gzip") // as Go's client (mnr bench) asks
				rec := httptest.NewRecorder()
				ts.Config.Handler.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: status %d", p.path, rec.Code)
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size), "B/page")
		})
	}
}

// demoDraft is the demo coordinator's draft assessment and its first
// capability.
func demoDraft(b testing.TB, db *store.Store) (int64, string) {
	ctx := context.Background()
	u, err := db.UserByEmail(ctx, "coordinator@demoland.example")
	if err != nil {
		b.Fatal(err)
	}
	ms, err := db.Memberships(ctx, u.ID)
	if err != nil || len(ms) == 0 {
		b.Fatal(err)
	}
	list, err := db.Assessments(ctx, []int64{ms[0].OrganisationID})
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range list {
		fw, err := framework.Get(a.FrameworkVersion)
		if err != nil || a.Status != assessment.StatusDraft {
			continue
		}
		for _, k := range a.Scope {
			if fw.Capability(k) != nil {
				return a.ID, k
			}
		}
	}
	b.Fatal("no draft assessment in the demo")
	return 0, ""
}

// demoSignIn signs in over HTTP and returns the Cookie header.
func demoSignIn(b testing.TB, base, email string) string {
	h, err := bench.SignIn(base, email, DemoPassword)
	if err != nil {
		b.Fatal(err)
	}
	return h.Get("Cookie")
}

// demoSite is the demo installation on a fresh SQLite file, served
// through the real router, closed when tb ends.
func demoSite(tb testing.TB) (*store.Store, *httptest.Server) {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(filepath.Join(tb.TempDir(), "mnr.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	fw, err := framework.Default()
	if err != nil {
		tb.Fatal(err)
	}
	if err := loadDemo(ctx, db, fw); err != nil {
		tb.Fatal(err)
	}
	srv, err := web.New(web.Config{}, db, fw)
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	tb.Cleanup(func() { ts.Close(); srv.Close() })
	return db, ts
}
