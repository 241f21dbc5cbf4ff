package report

import (
	"context"
	"crypto/sha256"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// RendererConfig bounds a Renderer; zero values take the defaults.
type RendererConfig struct {
	Chrome     string        // browser executable (ChromePath); "" and Render fails
	Tabs       int           // renders at once, each in its own tab of the one browser (2)
	Queue      int           // renders that may wait for a tab (8; negative: none); beyond it 503
	Wait       time.Duration // longest wait for a tab (15s); then 503
	PerUser    int           // renders one user may have running or waiting (1); beyond it 429
	Timeout    time.Duration // bound of one render once it has a tab (45s)
	CacheBytes int64         // bytes of finished PDFs kept (32 MiB; negative: none)
	Idle       time.Duration // the browser quits after this long unused, giving its memory back (1 min; negative: never)
}

func (c RendererConfig) withDefaults() RendererConfig {
	if c.Tabs <= 0 {
		c.Tabs = 2
	}
	if c.Queue == 0 {
		c.Queue = 8
	}
	c.Queue = max(c.Queue, 0)
	if c.Wait <= 0 {
		c.Wait = 15 * time.Second
	}
	if c.PerUser <= 0 {
		c.PerUser = 1
	}
	if c.Timeout <= 0 {
		c.Timeout = 45 * time.Second
	}
	if c.CacheBytes == 0 {
		c.CacheBytes = 32 << 20
	}
	c.CacheBytes = max(c.CacheBytes, 0)
	if c.Idle == 0 {
		c.Idle = time.Minute
	}
	return c
}

// Job is one document to print.
type Job struct {
	HTML    []byte // a complete document with its styles and images inlined
	BaseURL string // when set, the document's <base href> for links left relative
	Lang    string // language of the running header and footer (PageTemplates); "" is English
	// Header and Footer replace PageTemplates(Lang) when set.
	Header, Footer string
	// Key, when set, keeps the PDF for the next identical request and lets
	// identical requests running at once share one render.
	Key CacheKey
	// User names whose request this is, for the per-user limit; "" is no
	// one's (the command line).
	User string
}

// Renderer prints HTML documents to PDF with one headless Chromium, started
// on the first render and again if it dies, a few tabs at a time, behind a
// bounded queue, with a per-user limit and a cache. It is safe for
// concurrent use; Close stops it.
type Renderer struct {
	cfg   RendererConfig
	tabs  chan struct{} // a token per tab in use
	cache *pdfCache
	wg    sync.WaitGroup // running flights

	mu      sync.Mutex // guards what follows
	closed  bool
	queued  int
	running int
	users   map[string]int
	flights map[flightKey]*flight
	avg     time.Duration // recent render time, for Retry-After
	stats   RendererStats

	bmu     sync.Mutex // guards the browser; held while it starts
	b       *browser
	idle    *time.Timer
	bEnd    bool           // Close ran: no new browser
	quits   sync.WaitGroup // browsers quitting after their idle time
	livePID atomic.Int64   // the running browser's process, 0 when none
}

// NewRenderer returns a renderer; no browser starts before the first Render.
func NewRenderer(cfg RendererConfig) *Renderer {
	cfg = cfg.withDefaults()
	return &Renderer{cfg: cfg, tabs: make(chan struct{}, cfg.Tabs), cache: newPDFCache(cfg.CacheBytes),
		users: map[string]int{}, flights: map[flightKey]*flight{}, avg: 5 * time.Second}
}

// ErrNoChrome is returned by Render when no browser is configured.
var ErrNoChrome = errors.New("render pdf: no Chromium browser configured")

// Render prints job and returns the PDF, from the cache when the same
// document was printed before. It refuses with a *RetryError when the
// user already has a render running or waiting (code rate_limited), or
// when the queue is full, the wait for a tab ends or the render runs out
// of time (code busy). ctx bounds the wait: a canceled request leaves the
// queue, and a render nobody waits for any more stops. The returned slice
// is shared: do not modify it.
func (r *Renderer) Render(ctx context.Context, job Job) ([]byte, error) {
	if r.cfg.Chrome == "" {
		return nil, ErrNoChrome
	}
	doc := string(job.HTML)
	if job.BaseURL != "" {
		doc = withBase(doc, job.BaseURL)
	}
	header, footer := PageTemplates(job.Lang)
	if job.Header == "" {
		job.Header = header
	}
	if job.Footer == "" {
		job.Footer = footer
	}
	key := flightKey{cacheKey{job.Key, job.Lang}, digest(doc, job.Header, job.Footer)}
	keep := job.Key != (CacheKey{})
	if keep {
		if pdf, ok := r.cache.get(key.cacheKey, key.sum); ok {
			r.count(func(s *RendererStats) { s.CacheHits++ })
			return pdf, nil
		}
	}
	release, err := r.admit(job.User)
	if err != nil {
		return nil, err
	}
	defer release()
	f, err := r.join(key, keep, doc, job.Header, job.Footer)
	if err != nil {
		return nil, err
	}
	select {
	case <-f.done:
		return f.pdf, f.err
	case <-ctx.Done():
		r.leave(f)
		return nil, ctx.Err()
	}
}

// digest identifies the printed content: the document and its page
// templates.
func digest(parts ...string) [sha256.Size]byte {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// RendererStats is a snapshot of a renderer, for tests and monitoring.
type RendererStats struct {
	Running, Queued int   // renders printing now, and waiting for a tab
	PeakRunning     int   // most renders printing at once so far
	Renders         int64 // renders finished, failed ones included
	CacheHits       int64 // requests answered from the cache
	Shared          int64 // requests that joined a render already under way
	Refused         int64 // requests refused as busy or over the per-user limit
	BrowserStarts   int64 // Chromium processes started
	BrowserPID      int   // the running Chromium, 0 when none runs
	CacheEntries    int
	CacheBytes      int64
}

// Stats returns the current figures.
func (r *Renderer) Stats() RendererStats {
	r.mu.Lock()
	s := r.stats
	s.Running, s.Queued = r.running, r.queued
	r.mu.Unlock()
	s.CacheEntries, s.CacheBytes = r.cache.usage()
	s.BrowserPID = int(r.livePID.Load())
	return s
}

func (r *Renderer) count(f func(*RendererStats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

// Close refuses new renders, stops those under way and quits the browser,
// waiting until its process has ended.
func (r *Renderer) Close() error {
	r.mu.Lock()
	r.closed = true
	for _, f := range r.flights {
		f.cancel()
	}
	r.mu.Unlock()
	r.wg.Wait()
	r.bmu.Lock()
	b := r.b
	r.b, r.bEnd = nil, true
	if r.idle != nil {
		r.idle.Stop()
	}
	r.bmu.Unlock()
	if b != nil {
		b.close()
	}
	r.quits.Wait()
	return nil
}
