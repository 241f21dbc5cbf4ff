package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
)

// TestAPIAssessmentKept: GET /api/v1/assessments/{id} is built once and
// kept while nothing is committed; a save through this server or another
// one on the same database is in the very next read; every member reads
// the same JSON, gzipped or not; and while it is kept, another tenant, a
// platform administrator and anyone without a token still get no data.
func TestAPIAssessmentKept(t *testing.T) {
	for name, dsn := range databases(t) {
		t.Run(name, func(t *testing.T) { apiAssessmentKeptOn(t, dsn) })
	}
}

func apiAssessmentKeptOn(t *testing.T, dsn string) {
	f := castFixture(t, newAppOn(t, openStore(t, dsn)), "")
	path := fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID)
	// Tokens first, each used once: creating one and its first use are
	// commits, which would make every read after them a first read.
	coord, viewer, outsider, admin := f.token(f.coordinator), f.token(f.viewer), f.token(f.outsider), f.token(f.admin)
	for _, tok := range []string{coord, viewer, outsider, admin} {
		if r := f.api(tok, "GET", "/api/v1/organisations", nil); r.Status != http.StatusOK {
			t.Fatalf("organisations: %d", r.Status)
		}
	}
	// On SQLite nothing else commits, so a kept read costs a fixed number
	// of statements; PostgreSQL's data version also moves with other
	// databases' commits on the same server, and a read may be built again.
	strict := f.db.Dialect() == "sqlite"
	count := countStatements(t, f.db)
	var first, again apiResult
	miss := count.during(func() { first = f.api(coord, "GET", path, nil) })
	hit := count.during(func() { again = f.api(coord, "GET", path, nil) })
	if first.Status != http.StatusOK || !bytes.Equal(again.Raw, first.Raw) || (strict && hit >= miss) {
		t.Fatalf("read again: status %d, same JSON %v, %d statements (first read %d)", again.Status, bytes.Equal(again.Raw, first.Raw), hit, miss)
	}
	var r apiResult
	if n := count.during(func() { r = f.api(viewer, "GET", path, nil) }); r.Status != http.StatusOK || !bytes.Equal(r.Raw, first.Raw) || (strict && n != hit) {
		t.Fatalf("the viewer reads %d, the same JSON: %v, in %d statements", r.Status, bytes.Equal(r.Raw, first.Raw), n)
	}
	if plain := plainGet(t, f.app, coord, path); !bytes.Equal(plain, first.Raw) {
		t.Fatalf("without gzip the JSON differs:\n%s\nwant:\n%s", plain, first.Raw)
	}
	for who, tok := range map[string]string{"another tenant's owner": outsider, "a platform administrator": admin} {
		n := count.during(func() { r = f.api(tok, "GET", path, nil) })
		if r.Status != http.StatusNotFound || bytes.Contains(r.Raw, []byte("leadership")) || (strict && n != hit) {
			t.Fatalf("%s reads a kept assessment: %d, %d bytes, %d statements (a kept read: %d)", who, r.Status, len(r.Raw), n, hit)
		}
	}
	if r = f.api("", "GET", path, nil); r.Status != http.StatusUnauthorized {
		t.Fatalf("without a token: %d", r.Status)
	}

	// A save through this server, then through a second one.
	save := fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID)
	if r = f.api(coord, "PUT", save, map[string]any{"answer": "yes", "evidence": "Decree 9 of 2026", "version": 0}); r.Status != 200 {
		t.Fatalf("save: %d %s", r.Status, r.Raw)
	}
	if got := keptEvidence(t, f.api(viewer, "GET", path, nil), "leadership-1"); got != "Decree 9 of 2026" {
		t.Fatalf("after a save the API reads evidence %q", got)
	}
	other := newAppOn(t, openStore(t, dsn))
	if r = other.api(coord, "PUT", save, map[string]any{"answer": "no", "evidence": "Decree 10, from the other server", "version": 1}); r.Status != 200 {
		t.Fatalf("save on the second server: %d %s", r.Status, r.Raw)
	}
	if got := keptEvidence(t, f.api(viewer, "GET", path, nil), "leadership-1"); got != "Decree 10, from the other server" {
		t.Fatalf("after a save on the other server the API reads evidence %q", got)
	}
}

// plainGet reads path with the token, refusing gzip, and returns the body.
func plainGet(t *testing.T, a *app, tok, path string) []byte {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, a.ts.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Accept-Encoding", "identity")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "" || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("plain read: %d, encoding %q, type %q", res.StatusCode, res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"))
	}
	return body
}

// keptEvidence is the evidence of indicator key in an assessment's JSON.
func keptEvidence(t *testing.T, r apiResult, key string) string {
	t.Helper()
	var a struct {
		Capabilities []struct {
			Indicators []struct{ Key, Evidence string }
		}
	}
	if err := json.Unmarshal(r.Raw, &a); r.Status != http.StatusOK || err != nil {
		t.Fatalf("read: %d %v %s", r.Status, err, r.Raw)
	}
	for _, c := range a.Capabilities {
		for _, in := range c.Indicators {
			if in.Key == key {
				return in.Evidence
			}
		}
	}
	t.Fatalf("no indicator %s", key)
	return ""
}

// TestAPIAssessmentBuiltOnce: readers asking together for an assessment
// not kept yet (after a save, say) wait for one build instead of each
// building it: eight reads cost one build's statements and seven kept
// reads', and all get the same JSON.
func TestAPIAssessmentBuiltOnce(t *testing.T) {
	f := newFixture(t)
	path := fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID)
	tok := f.token(f.coordinator)
	if r := f.api(tok, "GET", "/api/v1/organisations", nil); r.Status != http.StatusOK { // the token's first use is a commit
		t.Fatalf("organisations: %d", r.Status)
	}
	count := countStatements(t, f.db)
	var first apiResult
	miss := count.during(func() { first = f.api(tok, "GET", path, nil) })
	hit := count.during(func() { f.api(tok, "GET", path, nil) })
	if r := f.api(tok, "PUT", path+"/indicators/leadership-1", map[string]any{"answer": "yes", "version": 0}); r.Status != http.StatusOK {
		t.Fatalf("save: %d %s", r.Status, r.Raw)
	}
	const readers = 8
	got := make([]apiResult, readers)
	n := count.during(func() {
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() { got[i] = f.api(tok, "GET", path, nil) })
		}
		wg.Wait()
	})
	for _, r := range got[1:] {
		if r.Status != http.StatusOK || !bytes.Equal(r.Raw, got[0].Raw) || bytes.Equal(r.Raw, first.Raw) {
			t.Fatalf("a reader got %d, the same JSON as the others: %v, as before the save: %v", r.Status, bytes.Equal(r.Raw, got[0].Raw), bytes.Equal(r.Raw, first.Raw))
		}
	}
	if want := miss + (readers-1)*hit; n != want {
		t.Fatalf("%d reads together: %d statements, want %d (one build of %d, then kept reads of %d)", readers, n, want, miss, hit)
	}
}
