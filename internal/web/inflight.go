package web

import (
	"net/http"
	"runtime"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// pagesInFlight bounds the pages and reads being worked on at once. On a
// machine with few cores, thirty-two pages built together take no less
// time than eight, but each holds its data, its rendered HTML and a
// compressor in memory, so without a bound the server's memory would grow
// with the number of clients. Two per core keeps the processor busy while
// one waits on the database.
func pagesInFlight() int { return max(8, 2*runtime.GOMAXPROCS(0)) }

// inflight queues GET and HEAD requests for pages and JSON reads beyond
// limit. Writes are not held back (they wait on the disk, and their commits
// are grouped), nor files, exports and downloads (they are bounded on their
// own and may stream for long to a slow connection), nor health checks; a
// request holds its slot until its response starts, not while a slow
// connection reads it. A request whose client goes away while it waits is
// dropped unanswered.
func inflight(limit int) echo.MiddlewareFunc {
	slots := make(chan struct{}, limit)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !queued(c.Request()) {
				return next(c)
			}
			select {
			case slots <- struct{}{}:
			case <-c.Request().Context().Done():
				return c.Request().Context().Err()
			}
			// The slot goes back as soon as the response starts: a client
			// on a slow link reading its page must not hold up the pages
			// of everyone else.
			var once sync.Once
			release := func() { once.Do(func() { <-slots }) }
			c.Response().Before(release)
			defer release()
			return next(c)
		}
	}
}

// queued tells the requests inflight bounds: pages and API reads, not
// files (a dot in the path: assets, exports, workbooks, archives), file
// downloads, or the health and metrics endpoints.
func queued(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	p := r.URL.Path
	if strings.Contains(p, ".") {
		return false
	}
	for _, pre := range []string{"/files/", "/api/v1/files/", "/healthz", "/readyz", "/metrics"} {
		if strings.HasPrefix(p, pre) {
			return false
		}
	}
	return true
}
