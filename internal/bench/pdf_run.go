package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// scenario is one burst of parallel exports.
type scenario struct {
	name string
	// mixed: each request from its own viewer (languages en, ar, fr, es in
	// turn) on the demo's assessments in turn; otherwise all requests use
	// the demo viewer's one token on its latest assessment.
	mixed bool
}

var scenarios = []scenario{
	{name: "one viewer token, one assessment"},
	{name: "one token per viewer, 4 languages x 2 assessments", mixed: true},
}

var langs = []string{"en", "ar", "fr", "es"}

// result is what one scenario measured.
type result struct {
	name                  string
	n                     int
	idleKB, peakKB, endKB int64 // sums of VmRSS
	idlePSS, peakPSS      int64 // sums of Pss
	endPSS                int64
	later                 time.Duration
	laterKB, laterPSS     int64
	maxProcs, maxChromium int
	maxBrowsers           int
	statuses              map[string]int
	wall, settle          time.Duration
}

func measure(ctx context.Context, bin string, sc scenario, n int, settle, later time.Duration) (*result, error) {
	dir, cleanup, err := tempDir()
	if err != nil {
		return nil, err
	}
	defer cleanup()
	s, err := newSite(ctx, bin, dir)
	if err != nil {
		return nil, err
	}
	viewer, err := s.token(ctx, "viewer@demoland.example")
	if err != nil {
		return nil, err
	}
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	defer s.stop()
	list, err := s.assessments(viewer)
	if err != nil {
		return nil, err
	}
	urls, tokens := make([]string, n), make([]string, n)
	for i := range n {
		a := list[len(list)-1]
		tokens[i] = viewer
		if sc.mixed {
			a = list[(i/len(langs))%len(list)]
			if tokens[i], err = s.addViewer(ctx, fmt.Sprintf("bench.pdf%d@example.org", i), langs[i%len(langs)], a[1]); err != nil {
				return nil, err
			}
		}
		urls[i] = fmt.Sprintf("%s/api/v1/assessments/%d/export.pdf", s.url, a[0])
	}

	pid := s.cmd.Process.Pid
	idle := sampleTree(pid)
	res := &result{name: sc.name, n: n, settle: settle, statuses: map[string]int{}, idleKB: idle.rssKB, idlePSS: idle.pssKB}
	stop := make(chan struct{})
	var samples sync.WaitGroup
	var mu sync.Mutex
	var tail []tree // samples of the settle window
	samples.Go(func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			t := sampleTree(pid)
			mu.Lock()
			res.peakKB, res.peakPSS = max(res.peakKB, t.rssKB), max(res.peakPSS, t.pssKB)
			res.maxProcs, res.maxChromium, res.maxBrowsers = max(res.maxProcs, t.procs), max(res.maxChromium, t.chromium), max(res.maxBrowsers, t.browsers)
			tail = append(tail, t)
			mu.Unlock()
		}
	})

	start := time.Now()
	var reqs sync.WaitGroup
	for i := range n {
		reqs.Go(func() {
			status := fetch(urls[i], tokens[i])
			mu.Lock()
			res.statuses[status]++
			mu.Unlock()
		})
	}
	reqs.Wait()
	res.wall = time.Since(start)
	if res.statuses["200 pdf"] == 0 {
		fmt.Fprintf(os.Stderr, "%s: no PDF came back; the server's log ends:\n%s\n", sc.name, tailLines(s.log.String(), 5))
	}
	mu.Lock()
	tail = tail[:0]
	mu.Unlock()
	time.Sleep(settle)
	close(stop)
	samples.Wait()
	last := tail[max(0, len(tail)-10):] // about the last second
	for _, t := range last {
		res.endKB += t.rssKB / int64(len(last))
		res.endPSS += t.pssKB / int64(len(last))
	}
	if later > settle {
		time.Sleep(later - settle)
		t := sampleTree(pid)
		res.later, res.laterKB, res.laterPSS = later, t.rssKB, t.pssKB
	}
	return res, nil
}

// fetch downloads one export and classifies the answer: "200 pdf", or the
// status with whether it carried a Retry-After.
func fetch(url, token string) string {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	c := &http.Client{Timeout: 3 * time.Minute}
	res, err := c.Do(req)
	if err != nil {
		return "error: " + err.Error()
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	switch {
	case res.StatusCode == http.StatusOK && bytes.HasPrefix(body, []byte("%PDF")):
		return "200 pdf"
	case res.Header.Get("Retry-After") != "":
		return fmt.Sprintf("%d Retry-After", res.StatusCode)
	}
	return fmt.Sprint(res.StatusCode)
}

func tailLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func (r *result) print(w io.Writer) {
	mb := func(kb int64) string { return fmt.Sprintf("%.0f MB", float64(kb)/1024) }
	var st []string
	for k, v := range r.statuses {
		st = append(st, fmt.Sprintf("%d x %s", v, k))
	}
	sort.Strings(st)
	fmt.Fprintf(w, "%s: %d parallel export.pdf requests\n", r.name, r.n)
	fmt.Fprintf(w, "  answers:      %s (all in %s)\n", strings.Join(st, ", "), r.wall.Round(100*time.Millisecond))
	fmt.Fprintf(w, "  RSS (server + children, sum of VmRSS): idle %s, peak %s, %s after the last answer %s\n",
		mb(r.idleKB), mb(r.peakKB), r.settle, mb(r.endKB))
	fmt.Fprintf(w, "  PSS (shared pages divided among processes): idle %s, peak %s, %s after the last answer %s\n",
		mb(r.idlePSS), mb(r.peakPSS), r.settle, mb(r.endPSS))
	if r.later > 0 {
		fmt.Fprintf(w, "  %s after the last answer: RSS %s, PSS %s\n", r.later, mb(r.laterKB), mb(r.laterPSS))
	}
	fmt.Fprintf(w, "  processes at most: %d (Chromium %d, browsers %d)\n", r.maxProcs, r.maxChromium, r.maxBrowsers)
}
