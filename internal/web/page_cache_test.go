package web_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// rawGet fetches path as b and returns the body as the server wrote it
// (gzipped when the server gzipped it) and its encoding.
func rawGet(t *testing.T, b *browser, path string) (body, encoding string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.a.ts.URL+path, nil)
	req.Header.Set("Accept-Encoding", "gzip") // set by hand: the client leaves the body as sent
	res, err := b.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d", path, res.StatusCode)
	}
	return string(raw), res.Header.Get("Content-Encoding")
}

// counter counts the store's statements; during says how many fn ran.
type counter struct{ n atomic.Int64 }

func countStatements(t *testing.T, db *store.Store) *counter {
	t.Helper()
	c := &counter{}
	if err := db.CountStatements(&c.n); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *counter) during(fn func()) int64 {
	before := c.n.Load()
	fn()
	return c.n.Load() - before
}

// TestPageCacheServesOnlyCurrentPages: a page viewed again while nothing
// changed is served byte for byte the same without its reads (on SQLite
// without any statement); a change made anywhere (this server, another
// server on the same database), another reader, a new minute or a waiting
// message each get the page rendered afresh. On both backends.
func TestPageCacheServesOnlyCurrentPages(t *testing.T) {
	for name, dsn := range databases(t) {
		t.Run(name, func(t *testing.T) { pageCacheOn(t, dsn) })
	}
}

func pageCacheOn(t *testing.T, dsn string) {
	clk := newClock()
	f := castFixture(t, newAppOn(t, openStore(t, dsn), withClock(clk)), "")
	capPath := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	coord := f.login(f.coordinator.Email)
	count := countStatements(t, f.db)
	var first, again, enc string
	miss := count.during(func() { first, enc = rawGet(t, coord, capPath) })
	if enc != "gzip" {
		t.Fatalf("page encoding %q, want gzip", enc)
	}
	want := map[string]int64{"sqlite": 0, "postgres": 3}[f.db.Dialect()] // PostgreSQL: session, principal generation, data version
	// PostgreSQL's snapshot covers the whole server: a commit by another
	// test (another package's, at the same time) rightly makes the page
	// stale, so a few tries are allowed there for one quiet moment.
	var hit int64
	for try := 0; try < 5; try++ {
		hit = count.during(func() { again, _ = rawGet(t, coord, capPath) })
		if (again == first && hit == want) || f.db.Dialect() == "sqlite" {
			break
		}
		first = again
	}
	if again != first || hit != want || hit >= miss {
		t.Fatalf("second view: same page %v, %d statements (first view %d); want the same page in %d", again == first, hit, miss, want)
	}

	// A save through the API of this server.
	tok := f.token(f.owner)
	if r := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID),
		map[string]any{"answer": "no", "evidence": "Decree 9 of 2026", "version": 0}); r.Status != 200 {
		t.Fatalf("save: %d %s", r.Status, r.Raw)
	}
	_, doc := coord.get(capPath)
	if got := doc.Find("#evidence-leadership-1").Text(); got != "Decree 9 of 2026" {
		t.Fatalf("after a save the page shows evidence %q", got)
	}

	// A save through a second server on the same database.
	coord.get(capPath) // kept again at the current version
	other := newAppOn(t, openStore(t, dsn), withClock(clk))
	if r := other.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID),
		map[string]any{"answer": "no", "evidence": "Decree 10, from the other server", "version": 1}); r.Status != 200 {
		t.Fatalf("save on the second server: %d %s", r.Status, r.Raw)
	}
	_, doc = coord.get(capPath)
	if got := doc.Find("#evidence-leadership-1").Text(); got != "Decree 10, from the other server" {
		t.Fatalf("after a save on the other server the page shows evidence %q", got)
	}

	// Another reader of the same address gets their own page.
	viewer := f.login(f.viewer.Email)
	_, doc = viewer.get(capPath)
	if who := text(doc.Find(".site-header .who")); who != f.viewer.Name {
		t.Fatalf("the viewer's page names %q", who)
	}

	// A new minute: rendered again (pages show dates and what is overdue).
	coord.get(capPath)
	clk.advance(time.Minute)
	if n := count.during(func() { coord.get(capPath) }); n <= want {
		t.Fatalf("a page of the previous minute was served (%d statements)", n)
	}

	// A one-time message is shown once, then the page is kept again.
	_, doc = coord.get(capPath)
	if res, _ := coord.post(capPath, formOf(doc, "form.capability-form")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("capability form: status %d", res.StatusCode)
	}
	for i, want := range []bool{true, false, false} {
		_, doc = coord.get(capPath)
		if got := strings.TrimSpace(doc.Find(".flash").Text()) != ""; got != want {
			t.Fatalf("view %d after saving: message shown %v, want %v", i+1, got, want)
		}
	}
}

// TestPageCacheUnderConcurrentSaves: readers viewing a capability page
// while answers are saved through the API never get a page older than the
// last save acknowledged before they asked.
func TestPageCacheUnderConcurrentSaves(t *testing.T) {
	f := newFixture(t)
	capPath := f.ts.URL + fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	api := fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID)
	coord, tok := f.login(f.coordinator.Email), f.token(f.owner)
	var acked atomic.Int64 // the last save acknowledged
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 1; i <= 40; i++ {
			r := f.api(tok, "PUT", api, map[string]any{"answer": "no", "evidence": fmt.Sprintf("save %d", i), "version": i - 1})
			if r.Status != 200 {
				t.Errorf("save %d: %d %s", i, r.Status, r.Raw)
				return
			}
			acked.Store(int64(i))
		}
	}()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for views := 0; ; views++ {
				select {
				case <-done:
					return
				default:
				}
				before := acked.Load()
				res, err := coord.http.Get(capPath)
				if err != nil {
					t.Error(err)
					return
				}
				doc, err := goquery.NewDocumentFromReader(res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != http.StatusOK {
					t.Errorf("view: %d %v", res.StatusCode, err)
					return
				}
				var shown int64
				fmt.Sscanf(doc.Find("#evidence-leadership-1").Text(), "save %d", &shown)
				if shown < before {
					t.Errorf("a view begun after save %d shows save %d", before, shown)
					return
				}
			}
		}()
	}
	wg.Wait()
}
