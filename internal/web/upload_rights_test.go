package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestUploadRefusalsComeFirst: on every upload route of the API the policy
// answers before the upload is looked at. Whoever may not see the
// assessment gets 404 and a reader who may not change it 403, whatever
// they send (not a form, a form without a file, a file of a refused kind,
// which is no workbook either); only someone with the right hears 422.
func TestUploadRefusalsComeFirst(t *testing.T) {
	f := newFixture(t)
	key := f.fw.Capability("leadership").Indicators[0].Key
	bad := map[string]func() (string, io.Reader){
		"json body": func() (string, io.Reader) { return "application/json", strings.NewReader(`{}`) },
		"text body": func() (string, io.Reader) { return "text/plain", strings.NewReader("file=x") },
		"no file": func() (string, io.Reader) {
			ct, body := multipartOf(map[string]string{"title": "Decree"})
			return ct, bytes.NewReader(body)
		},
		"html file": func() (string, io.Reader) {
			ct, body := multipartOf(nil, upload{Name: "report.pdf", Body: []byte("<!DOCTYPE html><html><script>alert(1)</script></html>")})
			return ct, bytes.NewReader(body)
		},
	}
	routes := []string{
		fmt.Sprintf("/api/v1/assessments/%d/indicators/%s/files", f.assess.ID, key),
		fmt.Sprintf("/api/v1/assessments/%d/workbook", f.assess.ID),
	}
	callers := []struct {
		name   string
		token  string
		status int
	}{
		{"outsider", f.token(f.outsider), 404},
		{"viewer", f.token(f.viewer), 403},
		{"coordinator", f.token(f.coordinator), 422},
	}
	try := func(method, path string) {
		t.Helper()
		for _, who := range callers {
			for name, body := range bad {
				ct, rd := body()
				if r := f.apiRaw(who.token, method, path, ct, rd); r.Status != who.status {
					t.Errorf("%s, %s on %s %s: %d, want %d: %s", who.name, name, method, path, r.Status, who.status, r.Raw)
				}
			}
		}
	}
	for _, path := range routes {
		try("POST", path)
	}
	assertNoEvidence(t, f.app, f.org.ID, f.assess.ID)

	// Replacing a file: the same order.
	r := f.apiUpload(callers[2].token, routes[0], upload{Name: "decree.pdf", Body: samplePDF("Decree")})
	if r.Status != 201 {
		t.Fatalf("upload: %d %s", r.Status, r.Raw)
	}
	try("PUT", fmt.Sprintf("/api/v1/files/%d", int64(r.Body["id"].(float64))))
	if files, err := f.db.EvidenceFiles(context.Background(), f.assess.ID, 0); err != nil || len(files) != 1 || files[0].Version != 1 {
		t.Errorf("files after refused replacements: %+v (%v)", files, err)
	}
}
