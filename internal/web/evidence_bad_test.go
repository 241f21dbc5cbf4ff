package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// TestEvidenceBadUploads: every refused upload answers with the status
// and field the API promises, and leaves nothing stored.
func TestEvidenceBadUploads(t *testing.T) {
	f := fixtureWith(t, func(c *web.Config) { c.EvidenceQuota = 64 << 10 })
	tok := f.token(f.coordinator)
	key := f.fw.Capability("leadership").Indicators[0].Key
	path := fmt.Sprintf("/api/v1/assessments/%d/indicators/%s/files", f.assess.ID, key)
	pdf := samplePDF("Annual report")
	var plainZip bytes.Buffer
	zw := zip.NewWriter(&plainZip)
	w, _ := zw.Create("notes.txt")
	w.Write([]byte("not an office document"))
	zw.Close()
	big := append(samplePDF("big"), bytes.Repeat([]byte("0"), assessment.MaxEvidenceSize)...)

	cases := []struct {
		name   string
		up     upload
		status int
		field  string
		text   string
	}{
		{"empty", upload{Name: "empty.pdf"}, 422, "file", "empty"},
		{"html", upload{Name: "report.pdf", Body: []byte("<!DOCTYPE html><html><script>alert(1)</script></html>")}, 422, "file", "not an accepted kind"},
		{"executable", upload{Name: "report.pdf", Body: append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 600)...)}, 422, "file", "not an accepted kind"},
		{"script", upload{Name: "notes.txt", Body: []byte("#!/bin/sh\nrm -rf /\n")}, 422, "file", "not an accepted kind"},
		{"svg", upload{Name: "chart.png", Body: []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)}, 422, "file", "not an accepted kind"},
		{"plain zip", upload{Name: "report.docx", Body: plainZip.Bytes()}, 422, "file", "not an accepted kind"},
		{"slash in name", upload{Name: "../../etc/decree.pdf", Body: pdf}, 422, "file", "may not contain"},
		{"backslash in name", upload{Name: `..\decree.pdf`, Body: pdf}, 422, "file", "may not contain"},
		{"control character in name", upload{Body: pdf, Disposition: `form-data; name="file"; filename*=UTF-8''decree%01.pdf`}, 422, "file", "invisible character"},
		{"direction override in name", upload{Name: "decree\u202efdp.exe", Body: pdf}, 422, "file", "invisible character"},
		{"bad date", upload{Name: "decree.pdf", Date: "31/03/2026", Body: pdf}, 422, "date", "2026-03-31"},
		{"title on two lines", upload{Name: "decree.pdf", Title: "Decree\nannex", Body: pdf}, 422, "title", ""},
		{"over 20 MB", upload{Name: "big.pdf", Body: big}, 413, "", "20 MB"},
		{"over the quota", upload{Name: "quota.pdf", Body: append(samplePDF("q"), bytes.Repeat([]byte(" "), 70<<10)...)}, 413, "", "64 KB"},
	}
	for _, tc := range cases {
		r := f.apiUpload(tok, path, tc.up)
		if r.Status != tc.status || r.str("field") != tc.field || !strings.Contains(r.str("error"), tc.text) {
			t.Errorf("%s: %d field %q: %s", tc.name, r.Status, r.str("field"), r.Raw)
		}
	}
	// A request that is not a form, and one without a file.
	if r := f.apiRaw(tok, "POST", path, "application/json", strings.NewReader(`{}`)); r.Status != 422 || r.str("field") != "file" {
		t.Errorf("json body: %d %s", r.Status, r.Raw)
	}
	ct, body := multipartOf(map[string]string{"title": "Decree"})
	if r := f.apiRaw(tok, "POST", path, ct, bytes.NewReader(body)); r.Status != 422 || r.str("field") != "file" {
		t.Errorf("no file: %d %s", r.Status, r.Raw)
	}
	// Two files in one API request.
	ct, body = multipartOf(nil, upload{Name: "a.pdf", Body: pdf}, upload{Name: "b.pdf", Body: samplePDF("b")})
	if r := f.apiRaw(tok, "POST", path, ct, bytes.NewReader(body)); r.Status != 422 {
		t.Errorf("two files: %d %s", r.Status, r.Raw)
	}
	// A locked (approved) assessment.
	if err := f.db.SetStatus(context.Background(), assessment.System, f.assess.ID, assessment.StatusApproved); err != nil {
		t.Fatal(err)
	}
	if r := f.apiUpload(tok, path, upload{Name: "decree.pdf", Body: pdf}); r.Status != 409 {
		t.Errorf("locked: %d %s", r.Status, r.Raw)
	}
	assertNoEvidence(t, f.app, f.org.ID, f.assess.ID)
}

// assertNoEvidence checks an organisation stores no file at all.
func assertNoEvidence(t *testing.T, a *app, orgID, assessmentID int64) {
	t.Helper()
	ctx := context.Background()
	if used, err := a.db.EvidenceUsage(ctx, orgID); err != nil || used != 0 {
		t.Errorf("stored bytes: %d (%v)", used, err)
	}
	if files, err := a.db.EvidenceFiles(ctx, assessmentID, 0); err != nil || len(files) != 0 {
		t.Errorf("files: %v (%v)", files, err)
	}
	if n := countAudit(t, a, orgID, "evidence."); n != 0 {
		t.Errorf("%d evidence audit events", n)
	}
}
