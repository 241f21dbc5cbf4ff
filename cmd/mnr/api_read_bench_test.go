package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// BenchmarkDemoAPIRead reads the demo's draft assessment through the API
// (GET /api/v1/assessments/{id}), as "mnr bench" does, for profiles:
// go test ./cmd/mnr -run '^$' -bench DemoAPIRead -cpuprofile cpu.out
func BenchmarkDemoAPIRead(b *testing.B) {
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	db, ts := demoSite(b)
	id, _ := demoDraft(b, db)
	b.Run("show", func(b *testing.B) { benchAPIGet(b, db, ts, fmt.Sprintf("/api/v1/assessments/%d", id)) })
	b.Run("list", func(b *testing.B) { benchAPIGet(b, db, ts, "/api/v1/assessments") })
}

// benchAPIGet reads path b.N times as the demo coordinator.
func benchAPIGet(b *testing.B, db *store.Store, ts *httptest.Server, path string) {
	var tok, addr string
	b.ReportAllocs()
	size := 0
	for i := 0; i < b.N; i++ {
		// A new token and address every 1,000 reads, under the API's
		// limits per token and address, as mnr bench does.
		if i%1000 == 0 {
			b.StopTimer()
			n := benchClients.Add(1)
			tok, addr = demoToken(b, db, "coordinator@demoland.example"), fmt.Sprintf("10.%d.%d.%d:1234", n>>16&255, n>>8&255, n&255)
			b.StartTimer()
		}
		req := httptest.NewRequest("GET", path, nil)
		req.RemoteAddr = addr
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		ts.Config.Handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d", path, rec.Code)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "B/read")
}

// benchClients numbers the benchmarks' clients, each with its own address.
var benchClients atomic.Int64

// demoToken creates an API token for the demo user with email.
func demoToken(tb testing.TB, db *store.Store, email string) string {
	tb.Helper()
	ctx := context.Background()
	u, err := db.UserByEmail(ctx, email)
	if err != nil {
		tb.Fatal(err)
	}
	tok, hash := auth.NewToken()
	if _, err := db.CreateToken(ctx, assessment.System, assessment.Token{UserID: u.ID, Name: "test", Hash: hash, ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		tb.Fatal(err)
	}
	return tok
}
