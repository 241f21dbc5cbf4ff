package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// Twelve exports at once, from ten readers in four languages (four
// distinct documents) and two of them asking twice: one Chromium serves
// them, never more than two tabs print at once, each document is printed
// once, and every answer is a PDF, or a 429 with Retry-After.
func TestPDFExportParallelBounded(t *testing.T) {
	f, id := pdfFixture(t, report.RendererConfig{Tabs: 2, Wait: 3 * time.Minute})
	langs := []string{"en", "ar", "fr", "es"}
	var tokens []string
	for i := range 10 {
		tokens = append(tokens, f.viewerIn(fmt.Sprintf("reader%d@example.org", i), langs[i%len(langs)]))
	}
	r := f.srv.PDFRenderer()
	before := chromiumBelow(os.Getpid())

	stop := make(chan struct{})
	var sampler sync.WaitGroup
	maxBrowsers, maxChromium := 0, 0
	sampler.Go(func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			now := chromiumBelow(os.Getpid())
			browsers, all := 0, 0
			for pid, top := range now {
				if _, old := before[pid]; !old {
					all++
					if top {
						browsers++
					}
				}
			}
			maxBrowsers, maxChromium = max(maxBrowsers, browsers), max(maxChromium, all)
		}
	})

	answers := make([]pdfAnswer, 12)
	var wg sync.WaitGroup
	for i := range answers {
		wg.Go(func() { answers[i] = f.exportPDF(tokens[i%len(tokens)], id) })
	}
	wg.Wait()
	close(stop)
	sampler.Wait()

	pdfs := 0
	for i, a := range answers {
		switch {
		case a.isPDF():
			pdfs++
		case a.status == http.StatusTooManyRequests || a.status == http.StatusServiceUnavailable:
			if secs, err := strconv.Atoi(a.retryAfter); err != nil || secs < 1 {
				t.Errorf("request %d: %d without a Retry-After (%q)", i, a.status, a.retryAfter)
			}
		default:
			t.Errorf("request %d: %d %s", i, a.status, a.body[:min(len(a.body), 200)])
		}
	}
	s := r.Stats()
	t.Logf("%d PDFs; renderer %+v; at most %d Chromium processes", pdfs, s, maxChromium)
	if pdfs < 10 {
		t.Errorf("only %d of 12 answers are PDFs; want one for each of the ten readers", pdfs)
	}
	if s.BrowserStarts != 1 || maxBrowsers > 1 {
		t.Errorf("%d browser starts, at most %d browsers at once; want one", s.BrowserStarts, maxBrowsers)
	}
	if s.PeakRunning > 2 || s.Renders != 4 {
		t.Errorf("%d renders at once (want ≤ 2), %d renders (want one per language)", s.PeakRunning, s.Renders)
	}
}

// chromiumBelow lists the Chromium processes descending from root, each
// with whether it is a browser (its parent is not Chromium), from /proc.
func chromiumBelow(root int) map[int]bool {
	parent, comm := map[int]int{}, map[int]string{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
		if open < 0 || end < 0 {
			continue
		}
		fields := strings.Fields(string(b[end+1:]))
		if len(fields) < 2 || fields[0] == "Z" {
			continue
		}
		parent[pid], _ = strconv.Atoi(fields[1])
		comm[pid] = string(b[open+1 : end])
	}
	out := map[int]bool{}
	for pid := range parent {
		if !strings.HasPrefix(comm[pid], "chrom") {
			continue
		}
		for p := parent[pid]; p > 1; p = parent[p] {
			if p == root {
				out[pid] = !strings.HasPrefix(comm[parent[pid]], "chrom")
				break
			}
		}
	}
	return out
}

// With the one tab busy and the queue full, an export is refused with 503
// and Retry-After, in JSON for the API and on the error page in the
// reader's language.
func TestPDFExportQueueFull(t *testing.T) {
	f, id := pdfFixture(t, report.RendererConfig{Tabs: 1, Queue: 1, Wait: time.Minute})
	r, h := f.srv.PDFRenderer(), newHolder(t)
	running, queued := h.occupy(r, "someone"), h.occupy(r, "someone-else")
	waitStats(t, r, "one render prints and one waits", func(s report.RendererStats) bool { return s.Running == 1 && s.Queued == 1 })

	f.exportPDF(f.token(f.viewer), id).refused(t, http.StatusServiceUnavailable, assessment.EBUSY)

	if err := f.db.SetUserProfile(t.Context(), assessment.System, f.owner.ID, f.owner.Name, "fr"); err != nil {
		t.Fatal(err)
	}
	res, doc := f.session(f.owner).get(fmt.Sprintf("/assessments/%d/export.pdf", id))
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
		t.Fatalf("HTML export: %d, Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if msg := text(doc.Find(".error-message")); !strings.Contains(msg, "De nombreux documents PDF") {
		t.Errorf("error page message = %q, want the French text", msg)
	}
	h.free()
	for _, done := range []<-chan error{running, queued} {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if a := f.exportPDF(f.token(f.viewer), id); !a.isPDF() {
		t.Errorf("once the queue drains: %d %s", a.status, a.body)
	}
}

// A user with an export waiting is refused a second one with 429 and
// Retry-After; the first still arrives.
func TestPDFExportPerUserLimit(t *testing.T) {
	f, id := pdfFixture(t, report.RendererConfig{Tabs: 1, Wait: time.Minute})
	r, h := f.srv.PDFRenderer(), newHolder(t)
	running := h.occupy(r, "someone")
	waitStats(t, r, "the tab is busy", func(s report.RendererStats) bool { return s.Running == 1 })

	tok := f.token(f.viewer)
	first := make(chan pdfAnswer, 1)
	go func() { first <- f.exportPDF(tok, id) }()
	waitStats(t, r, "the viewer's export waits", func(s report.RendererStats) bool { return s.Queued == 1 })
	f.exportPDF(tok, id).refused(t, http.StatusTooManyRequests, assessment.ETOOMANY)

	h.free()
	if err := <-running; err != nil {
		t.Fatal(err)
	}
	if a := <-first; !a.isPDF() {
		t.Errorf("first export: %d %s", a.status, a.body)
	}
}
