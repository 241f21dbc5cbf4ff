package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web"
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
// changed is served without reading the database, byte for byte the same;
// a change made anywhere (this server, another server on the same
// database), another reader, a new minute or a waiting message each get
// the page rendered afresh.
func TestPageCacheServesOnlyCurrentPages(t *testing.T) {
	clk := newClock()
	f := fixtureWith(t, withClock(clk))
	capPath := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	coord := f.login(f.coordinator.Email)
	count := countStatements(t, f.db)
	first, enc := rawGet(t, coord, capPath)
	if enc != "gzip" {
		t.Fatalf("page encoding %q, want gzip", enc)
	}
	var again string
	if n := count.during(func() { again, _ = rawGet(t, coord, capPath) }); n != 0 || again != first {
		t.Fatalf("second view: %d statements, same page %v; want 0 and the same", n, again == first)
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

	// A save through a second server on the same database file.
	db2, err := store.Open(f.db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	srv2, err := web.New(web.Config{Version: "test", Now: clk.Now}, db2, f.fw)
	if err != nil {
		t.Fatal(err)
	}
	defer srv2.Close()
	coord.get(capPath) // kept again at the current version
	ts2 := httptest.NewServer(srv2)
	defer ts2.Close()
	other := &app{t: t, db: db2, fw: f.fw, srv: srv2, ts: ts2}
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
	if n := count.during(func() { coord.get(capPath) }); n == 0 {
		t.Fatal("a page of the previous minute was served")
	}

	// A one-time message is shown once, then the page is kept again.
	form := url.Values{}
	_, doc = coord.get(capPath)
	doc.Find("form.capability-form input, form.capability-form textarea").Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		typ, _ := s.Attr("type")
		if _, checked := s.Attr("checked"); (typ == "radio" || typ == "checkbox") && !checked || name == "" {
			return
		}
		v, _ := s.Attr("value")
		if goquery.NodeName(s) == "textarea" {
			v = s.Text()
		}
		form.Add(name, v)
	})
	if res, _ := coord.post(capPath, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("capability form: status %d", res.StatusCode)
	}
	for i, want := range []bool{true, false, false} {
		_, doc = coord.get(capPath)
		if got := strings.TrimSpace(doc.Find(".flash").Text()) != ""; got != want {
			t.Fatalf("view %d after saving: message shown %v, want %v", i+1, got, want)
		}
	}
}
