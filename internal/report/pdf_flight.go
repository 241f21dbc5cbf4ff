package report

import (
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/metrics"
)

// flightKey identifies a render that identical requests can share.
type flightKey struct {
	cacheKey
	sum [sha256.Size]byte
}

// flight is one render and the requests waiting for it. Its context ends
// when the last of them gives up, or when the renderer closes.
type flight struct {
	ctx     context.Context
	cancel  context.CancelFunc
	waiters int
	done    chan struct{} // closed once pdf and err are set
	pdf     []byte
	err     error
}

// join attaches the request to the render of the same document under way,
// or starts one. Documents without a cache key never share a render.
func (r *Renderer) join(key flightKey, keep bool, doc, header, footer string) (*flight, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, r.closing()
	}
	if f, ok := r.flights[key]; ok && keep && f.ctx.Err() == nil {
		f.waiters++
		r.stats.Shared++
		return f, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	f := &flight{ctx: ctx, cancel: cancel, waiters: 1, done: make(chan struct{})}
	if keep {
		r.flights[key] = f
	}
	r.wg.Add(1)
	go r.fly(f, key, keep, doc, header, footer)
	return f, nil
}

// leave detaches a request that stopped waiting; the render stops when no
// one waits for it any more.
func (r *Renderer) leave(f *flight) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if f.waiters--; f.waiters == 0 {
		f.cancel()
	}
}

// fly runs a render: a tab from the queue, the print, the cache.
func (r *Renderer) fly(f *flight, key flightKey, keep bool, doc, header, footer string) {
	defer r.wg.Done()
	defer f.cancel()
	f.pdf, f.err = r.print(f.ctx, doc, header, footer)
	if f.err == nil && keep {
		r.cache.put(key.cacheKey, key.sum, f.pdf)
	}
	r.mu.Lock()
	if r.flights[key] == f {
		delete(r.flights, key)
	}
	r.mu.Unlock()
	close(f.done)
}

// print waits for a tab and prints in it. When Chromium died under the
// render (a crash, the kernel's OOM killer), it tries once more in a new
// one.
func (r *Renderer) print(ctx context.Context, doc, header, footer string) ([]byte, error) {
	if err := r.takeTab(ctx); err != nil {
		return nil, err
	}
	start := time.Now()
	defer func() { r.freeTab(time.Since(start)) }()
	for attempt := 1; ; attempt++ {
		b, err := r.browser()
		if err != nil {
			return nil, err
		}
		// The limit counts from here: a browser start is not the render's.
		tctx, cancel := context.WithTimeoutCause(ctx, r.cfg.Timeout, fmt.Errorf("render pdf: took longer than %s", r.cfg.Timeout))
		t0 := time.Now()
		pdf, err := printTab(tctx, b, doc, header, footer)
		metrics.ObservePDFRender(time.Since(t0), err)
		timedOut := err != nil && tctx.Err() != nil && ctx.Err() == nil
		cancel()
		died := err != nil && b.diedWithin(200*time.Millisecond)
		r.release(b)
		if timedOut && !died {
			// Most likely a server too busy to print in time: worth a retry later.
			slog.Warn("pdf: render ran out of time", "limit", r.cfg.Timeout, "err", err)
			r.mu.Lock()
			defer r.mu.Unlock()
			return nil, r.busy()
		}
		if err == nil || !died || ctx.Err() != nil || attempt == 2 {
			return pdf, err
		}
		slog.Warn("pdf: chromium died during a render; retrying in a new one", "pid", b.pid, "err", err)
	}
}

// browser returns the running browser, starting one when there is none or
// the last one died, and holds it until release.
func (r *Renderer) browser() (*browser, error) {
	r.bmu.Lock()
	defer r.bmu.Unlock()
	if r.bEnd {
		return nil, r.closing()
	}
	if r.b != nil && !r.b.alive() {
		slog.Warn("pdf: chromium is gone; starting a new one", "pid", r.b.pid)
		r.b.close() // reaps the process and removes its profile
		r.b = nil
	}
	if r.b == nil {
		b, err := launch(r.cfg.Chrome)
		if err != nil {
			return nil, err
		}
		r.b = b
		r.count(func(s *RendererStats) { s.BrowserStarts++ })
		r.livePID.Store(int64(b.pid))
		go func() {
			<-b.ctx.Done() // the process ended: crashed, killed, or closed by us
			r.livePID.CompareAndSwap(int64(b.pid), 0)
		}()
	}
	if r.idle != nil {
		r.idle.Stop()
	}
	r.b.users++
	return r.b, nil
}

// release lets go of b; once nothing has used it for the idle time, the
// browser quits, giving its memory back.
func (r *Renderer) release(b *browser) {
	r.bmu.Lock()
	defer r.bmu.Unlock()
	if b.users--; b.users > 0 || r.b != b || r.cfg.Idle < 0 {
		return
	}
	if r.idle == nil {
		r.idle = time.AfterFunc(r.cfg.Idle, r.quitIdle)
	} else {
		r.idle.Reset(r.cfg.Idle)
	}
}

func (r *Renderer) quitIdle() {
	r.bmu.Lock()
	b := r.b
	if b == nil || b.users > 0 {
		r.bmu.Unlock()
		return
	}
	r.b = nil
	r.quits.Add(1)
	r.bmu.Unlock()
	defer r.quits.Done()
	slog.Info("pdf: chromium idle; stopping it", "pid", b.pid)
	b.close()
}
