package web_test

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// A client that asks for gzip gets pages, JSON and error pages compressed
// and whole; a client that does not gets them plain.
func TestPagesCompressedWhole(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.coordinator)
	token := f.token(f.coordinator)
	get := func(path, enc string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, f.ts.URL+path, nil)
		req.Header.Set("Accept-Encoding", enc)
		if strings.HasPrefix(path, "/api/") {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := b.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var r io.Reader = res.Body
		if res.Header.Get("Content-Encoding") == "gzip" {
			if r, err = gzip.NewReader(res.Body); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		body, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return res, string(body)
	}
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	zres, zipped := get(page, "gzip")
	pres, plain := get(page, "identity")
	if zres.StatusCode != http.StatusOK || zres.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("page with gzip: %d, encoding %q", zres.StatusCode, zres.Header.Get("Content-Encoding"))
	}
	if pres.Header.Get("Content-Encoding") != "" || zipped != plain || !strings.HasSuffix(strings.TrimSpace(plain), "</html>") {
		t.Errorf("the gzipped page (%d bytes) differs from the plain one (%d bytes)", len(zipped), len(plain))
	}
	res, body := get(fmt.Sprintf("/assessments/%d", f.otherAssess.ID), "gzip")
	if res.StatusCode != http.StatusNotFound || !strings.HasSuffix(strings.TrimSpace(body), "</html>") {
		t.Errorf("another organisation's assessment: %d, a whole error page expected, got %d bytes", res.StatusCode, len(body))
	}
	res, body = get(fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), "gzip")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(body, "{") {
		t.Errorf("API read: %d %.80s", res.StatusCode, body)
	}
}
