package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// holder serves frames that finish loading only when the test says so: a
// document embedding one keeps its tab busy for as long as the test needs.
type holder struct {
	ts      *httptest.Server
	release chan struct{}
	once    sync.Once
}

func newHolder(t *testing.T) *holder {
	h := &holder{release: make(chan struct{})}
	h.ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-h.release:
		case <-r.Context().Done():
			return
		}
		io.WriteString(w, "<!doctype html><p>frame</p>")
	}))
	t.Cleanup(func() { h.free(); h.ts.Close() })
	return h
}

func (h *holder) free() { h.once.Do(func() { close(h.release) }) }

// doc is a document whose render lasts until free; n makes it unique. An
// image holds the page's load event in every Chromium; an iframe no longer
// does in recent ones (156 fires load before the frame answers).
func (h *holder) doc(n int) []byte {
	return fmt.Appendf(nil, `<!doctype html><title>held %d</title><img alt="" src="%s/%d">`, n, h.ts.URL, n)
}

// result of a render started in the background.
type result struct {
	pdf []byte
	err error
}

func goRender(ctx context.Context, r *Renderer, job Job) <-chan result {
	ch := make(chan result, 1)
	go func() {
		pdf, err := r.Render(ctx, job)
		ch <- result{pdf, err}
	}()
	return ch
}

// waitFor polls the renderer until cond holds, failing after 30 s.
func waitFor(t *testing.T, r *Renderer, what string, cond func(RendererStats) bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond(r.Stats()) {
			return
		}
	}
	t.Fatalf("timed out waiting until %s: %+v", what, r.Stats())
}

func wantPDF(t *testing.T, res result) []byte {
	t.Helper()
	if res.err != nil {
		t.Fatal(res.err)
	}
	if !bytes.HasPrefix(res.pdf, []byte("%PDF")) {
		t.Fatalf("not a PDF: %q", res.pdf[:min(len(res.pdf), 16)])
	}
	return res.pdf
}

// With every tab busy and the queue full, a newcomer is refused at once as
// busy; a user with a render waiting is refused a second one; the queued
// render goes through when a tab frees up.
func TestRendererQueueAndUserLimit(t *testing.T) {
	r := newRenderer(t, RendererConfig{Tabs: 1, Queue: 1, Wait: time.Minute})
	h := newHolder(t)
	ctx := context.Background()
	first := goRender(ctx, r, Job{HTML: h.doc(1), User: "a"})
	waitFor(t, r, "the first render runs", func(s RendererStats) bool { return s.Running == 1 })
	second := goRender(ctx, r, Job{HTML: h.doc(2), User: "b"})
	waitFor(t, r, "the second render waits", func(s RendererStats) bool { return s.Queued == 1 })

	_, err := r.Render(ctx, Job{HTML: h.doc(3), User: "c"})
	if code := retryCode(t, err); code != assessment.EBUSY {
		t.Errorf("queue full: code %q, want %q", code, assessment.EBUSY)
	}
	_, err = r.Render(ctx, Job{HTML: h.doc(4), User: "b"})
	if code := retryCode(t, err); code != assessment.ETOOMANY {
		t.Errorf("second render of a user: code %q, want %q", code, assessment.ETOOMANY)
	}
	h.free()
	wantPDF(t, <-first)
	wantPDF(t, <-second)
	if s := r.Stats(); s.PeakRunning != 1 || s.Renders != 2 || s.Refused != 2 || s.BrowserStarts != 1 {
		t.Errorf("stats = %+v", s)
	}
}

// A render waiting longer than the configured wait is refused as busy.
func TestRendererWaitEnds(t *testing.T) {
	r := newRenderer(t, RendererConfig{Tabs: 1, Wait: 300 * time.Millisecond})
	h := newHolder(t)
	first := goRender(context.Background(), r, Job{HTML: h.doc(1)})
	waitFor(t, r, "the first render runs", func(s RendererStats) bool { return s.Running == 1 })
	start := time.Now()
	_, err := r.Render(context.Background(), Job{HTML: h.doc(2)})
	if code := retryCode(t, err); code != assessment.EBUSY {
		t.Errorf("code %q, want %q", code, assessment.EBUSY)
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("refused after %s, before the wait ended", waited)
	}
	h.free()
	wantPDF(t, <-first)
}

// A render that runs out of time is refused as busy, to be retried later.
func TestRendererTimeout(t *testing.T) {
	r := newRenderer(t, RendererConfig{Timeout: 500 * time.Millisecond})
	h := newHolder(t)
	_, err := r.Render(context.Background(), Job{HTML: h.doc(1)})
	if code := retryCode(t, err); code != assessment.EBUSY {
		t.Errorf("code %q, want %q", code, assessment.EBUSY)
	}
	if s := r.Stats(); s.Running != 0 || s.Renders != 1 {
		t.Errorf("after the timeout: %+v", s)
	}
}

// A canceled request leaves the queue, and frees its user's place.
func TestRendererCancelQueued(t *testing.T) {
	r := newRenderer(t, RendererConfig{Tabs: 1, Wait: time.Minute})
	h := newHolder(t)
	first := goRender(context.Background(), r, Job{HTML: h.doc(1)})
	waitFor(t, r, "the first render runs", func(s RendererStats) bool { return s.Running == 1 })
	ctx, cancel := context.WithCancel(context.Background())
	queued := goRender(ctx, r, Job{HTML: h.doc(2), User: "u"})
	waitFor(t, r, "the second render waits", func(s RendererStats) bool { return s.Queued == 1 })
	cancel()
	if res := <-queued; !errors.Is(res.err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", res.err)
	}
	waitFor(t, r, "the queue is empty", func(s RendererStats) bool { return s.Queued == 0 })
	h.free()
	wantPDF(t, <-first)
	res := <-goRender(context.Background(), r, Job{HTML: twoPages("after"), User: "u"})
	wantPDF(t, res)
}

// A cached document costs no render; identical requests at once share one
// render; a new version of the document, or a changed content under the
// same key, renders again.
func TestRendererCache(t *testing.T) {
	r := newRenderer(t, RendererConfig{})
	ctx := context.Background()
	key := CacheKey{Doc: "report", ID: 7, Version: "v1"}
	one := wantPDF(t, <-goRender(ctx, r, Job{HTML: twoPages("One"), Key: key, Lang: "en", User: "a"}))
	again := wantPDF(t, <-goRender(ctx, r, Job{HTML: twoPages("One"), Key: key, Lang: "en", User: "b"}))
	if !bytes.Equal(one, again) {
		t.Error("a cache hit returned other bytes")
	}
	if s := r.Stats(); s.Renders != 1 || s.CacheHits != 1 || s.CacheEntries != 1 || s.CacheBytes != int64(len(one)) {
		t.Errorf("after a repeat: %+v", s)
	}
	wantPDF(t, <-goRender(ctx, r, Job{HTML: twoPages("One"), Key: key, Lang: "fr"}))
	key2 := key
	key2.Version = "v2"
	wantPDF(t, <-goRender(ctx, r, Job{HTML: twoPages("Two"), Key: key2, Lang: "en"}))
	changed := wantPDF(t, <-goRender(ctx, r, Job{HTML: twoPages("Renamed"), Key: key2, Lang: "en"}))
	if bytes.Equal(changed, one) {
		t.Error("changed content served from the cache")
	}
	if s := r.Stats(); s.Renders != 4 || s.CacheHits != 1 {
		t.Errorf("after new versions: %+v", s)
	}

	h := newHolder(t)
	held := Job{HTML: h.doc(1), Key: CacheKey{Doc: "report", ID: 8, Version: "v1"}}
	var all []<-chan result
	for i := range 3 {
		job := held
		job.User = fmt.Sprint("user", i)
		all = append(all, goRender(ctx, r, job))
	}
	waitFor(t, r, "three requests share the render", func(s RendererStats) bool { return s.Shared == 2 })
	h.free()
	for _, ch := range all {
		wantPDF(t, <-ch)
	}
	if s := r.Stats(); s.Renders != 5 {
		t.Errorf("shared render counted %d renders, want 5 in all", s.Renders)
	}
}

// One browser serves every render; when it dies, the next render starts a
// new one; Close ends it.
func TestRendererBrowserLifecycle(t *testing.T) {
	r := newRenderer(t, RendererConfig{})
	ctx := context.Background()
	if s := r.Stats(); s.BrowserPID != 0 || s.BrowserStarts != 0 {
		t.Fatalf("a browser before the first render: %+v", s)
	}
	wantPDF(t, <-goRender(ctx, r, Job{HTML: twoPages("a")}))
	pid := r.Stats().BrowserPID
	if pid == 0 {
		t.Fatal("no browser after a render")
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, r, "the dead browser is noticed", func(s RendererStats) bool { return s.BrowserPID == 0 })
	wantPDF(t, <-goRender(ctx, r, Job{HTML: twoPages("b")}))
	s := r.Stats()
	if s.BrowserStarts != 2 || s.BrowserPID == 0 || s.BrowserPID == pid {
		t.Fatalf("after the crash: %+v", s)
	}
	r.Close()
	if err := syscall.Kill(s.BrowserPID, 0); err == nil {
		t.Errorf("browser %d still runs after Close", s.BrowserPID)
	}
	_, err := r.Render(ctx, Job{HTML: twoPages("c")})
	if code := retryCode(t, err); code != assessment.EBUSY {
		t.Errorf("render after Close: %v", err)
	}
}

// An unused browser quits after the idle time and gives its memory back.
func TestRendererIdleQuits(t *testing.T) {
	r := newRenderer(t, RendererConfig{Idle: 200 * time.Millisecond})
	wantPDF(t, <-goRender(context.Background(), r, Job{HTML: twoPages("a")}))
	pid := r.Stats().BrowserPID
	waitFor(t, r, "the idle browser quits", func(s RendererStats) bool { return s.BrowserPID == 0 })
	for deadline := time.Now().Add(10 * time.Second); syscall.Kill(pid, 0) == nil; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("idle browser %d still runs", pid)
		}
	}
}
