package bench

import (
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// stat is one measured row: a closed loop of clients, each sending its
// next request when the previous one answered.
type stat struct {
	n, conflicts, errors int
	lat                  []time.Duration
	wall                 time.Duration
}

func (s stat) rate() float64 {
	if s.wall <= 0 {
		return 0
	}
	return float64(s.n) / s.wall.Seconds()
}

// pct is the q-quantile of the latencies (q in 0..1).
func (s stat) pct(q float64) time.Duration {
	if len(s.lat) == 0 {
		return 0
	}
	return s.lat[min(len(s.lat)-1, int(q*float64(len(s.lat))))]
}

// limits bound every row: at most max requests and d of time.
type limits struct {
	d   time.Duration
	max int
}

// loop runs clients goroutines calling do(client) until the time or the
// request budget runs out. do returns the HTTP status (0 for an error).
func loop(clients int, lim limits, do func(client int) int) stat {
	var (
		mu    sync.Mutex
		out   stat
		sent  atomic.Int64
		wg    sync.WaitGroup
		start = time.Now()
		until = start.Add(lim.d)
	)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var lat []time.Duration
			conflicts, errs := 0, 0
			for time.Now().Before(until) && sent.Add(1) <= int64(lim.max) {
				t0 := time.Now()
				code := do(c)
				lat = append(lat, time.Since(t0))
				switch {
				case code == http.StatusConflict:
					conflicts++
				case code < 200 || code >= 300:
					errs++
				}
			}
			mu.Lock()
			out.lat = append(out.lat, lat...)
			out.conflicts += conflicts
			out.errors += errs
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	out.wall = time.Since(start)
	out.n = len(out.lat)
	sort.Slice(out.lat, func(i, j int) bool { return out.lat[i] < out.lat[j] })
	return out
}

// client is the HTTP client every row shares: enough idle connections for
// the largest number of clients, so connections are reused.
var client = &http.Client{
	Timeout:   30 * time.Second,
	Transport: &http.Transport{MaxIdleConns: 512, MaxIdleConnsPerHost: 512, IdleConnTimeout: time.Minute},
	CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	},
}
