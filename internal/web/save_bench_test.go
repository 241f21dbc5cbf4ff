package web_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// BenchmarkSaveAnswerParallel: API answer saves through the router, the
// rate limits, the principal, the policy and the SQLite write, from
// parallel clients each on its own indicator (as "mnr bench" saves). Each
// client takes a fresh token and address every 400 saves, so the API's
// rate limits never refuse one.
func BenchmarkSaveAnswerParallel(b *testing.B) {
	a := newApp(b, func(c *web.Config) { c.TrustProxy = true })
	org := a.org("Ministry of Demoland", "XD")
	u := a.user("coordinator@example.org", false)
	a.member(u, org, assessment.RoleCoordinator)
	as := a.assessment(org, nil)
	var keys []string
	for _, c := range a.fw.Capabilities() {
		for _, in := range c.Indicators {
			keys = append(keys, in.Key)
		}
	}
	var (
		mu      sync.Mutex
		clients atomic.Int64
	)
	newToken := func() string { mu.Lock(); defer mu.Unlock(); return a.token(u) }
	b.SetParallelism(16) // 32 clients on two cores
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op") }()
	b.RunParallel(func(pb *testing.PB) {
		c := int(clients.Add(1))
		path := fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", as.ID, keys[c%len(keys)])
		var tok, addr string
		for i := 0; pb.Next(); i++ {
			if i%400 == 0 {
				tok, addr = newToken(), fmt.Sprintf("10.9.%d.%d", c, i/400%250)
			}
			body := fmt.Sprintf(`{"answer":"yes","evidence":"Decree %d","version":%d}`, i, i)
			req := httptest.NewRequest("PUT", path, strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+tok)
			req.RemoteAddr = "127.0.0.1:40000" // a trusted proxy: the address is X-Forwarded-For
			req.Header.Set("X-Forwarded-For", addr)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			a.srv.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Errorf("status %d: %s", rec.Code, rec.Body)
				return
			}
		}
	})
}

// cpuTime is the CPU time this process has used (user and system): on a
// shared machine a steadier measure of the work per save than the rate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
