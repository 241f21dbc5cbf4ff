package web_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// TestEvidenceRoundTrip: upload → list → download (same bytes, same hash)
// → remove through the real router, on SQLite and PostgreSQL; the same
// bytes on two indicators are stored once; another organisation's member
// gets 404 and a reviewer 403.
func TestEvidenceRoundTrip(t *testing.T) {
	for name, dsn := range databases(t) {
		t.Run(name, func(t *testing.T) {
			a := newAppOn(t, openStore(t, dsn))
			org, other := a.org("Ministry of Demoland", "XD"), a.org("Other Council", "FR")
			coord, reviewer, outsider := a.user("coord@example.org", false), a.user("rev@example.org", false), a.user("out@example.org", false)
			a.member(coord, org, assessment.RoleCoordinator)
			a.member(reviewer, org, assessment.RoleReviewer)
			a.member(outsider, other, assessment.RoleOwner)
			as := a.assessment(org, []string{"leadership"})
			tok, revTok, outTok := a.token(coord), a.token(reviewer), a.token(outsider)
			keys := a.fw.Capability("leadership").Indicators
			pdf := samplePDF("Decree 4/2026 establishing the national council")

			base := fmt.Sprintf("/api/v1/assessments/%d/indicators/", as.ID)
			r := a.apiUpload(tok, base+keys[0].Key+"/files", upload{Name: "décret 4-2026.pdf", Title: "Decree 4/2026", Date: "2026-02-11", Body: pdf})
			if r.Status != http.StatusCreated {
				t.Fatalf("upload: %d %s", r.Status, r.Raw)
			}
			id := int64(r.Body["id"].(float64))
			if r.str("title") != "Decree 4/2026" || r.str("filename") != "décret 4-2026.pdf" || r.str("content_type") != "application/pdf" ||
				r.Body["size"].(float64) != float64(len(pdf)) || r.str("sha256") != sha(pdf) || r.str("created_at") == "" || r.str("date") != "2026-02-11" {
				t.Fatalf("upload answer: %s", r.Raw)
			}

			show := a.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d", as.ID), nil)
			files := indicatorFiles(t, show, keys[0].Key)
			if len(files) != 1 || files[0]["sha256"] != sha(pdf) || files[0]["id"].(float64) != float64(id) {
				t.Fatalf("listed files: %v", files)
			}
			if got := indicatorFiles(t, show, keys[1].Key); len(got) != 0 {
				t.Fatalf("other indicator lists %v", got)
			}

			for _, who := range []string{tok, revTok} { // a reviewer reads the answer, so the file too
				res, body := a.download(who, fmt.Sprintf("/api/v1/files/%d", id))
				if res.StatusCode != 200 || sha(body) != sha(pdf) || len(body) != len(pdf) {
					t.Fatalf("download: %d, %d bytes, hash %s", res.StatusCode, len(body), sha(body))
				}
				h := res.Header
				if h.Get("Content-Type") != "application/pdf" || h.Get("X-Content-Type-Options") != "nosniff" ||
					h.Get("Content-Security-Policy") != "sandbox" || h.Get("Content-Disposition") != `attachment; filename*=utf-8''d%C3%A9cret%204-2026.pdf` {
					t.Fatalf("download headers: %v", h)
				}
			}
			// Another organisation: the file does not exist for it.
			if res, _ := a.download(outTok, fmt.Sprintf("/api/v1/files/%d", id)); res.StatusCode != 404 {
				t.Fatalf("outsider download: %d", res.StatusCode)
			}
			if r := a.api(outTok, "DELETE", fmt.Sprintf("/api/v1/files/%d", id), nil); r.Status != 404 {
				t.Fatalf("outsider delete: %d", r.Status)
			}
			if r := a.apiUpload(outTok, base+keys[0].Key+"/files", upload{Name: "x.pdf", Body: pdf}); r.Status != 404 {
				t.Fatalf("outsider upload: %d", r.Status)
			}
			if r := a.api(revTok, "DELETE", fmt.Sprintf("/api/v1/files/%d", id), nil); r.Status != 403 {
				t.Fatalf("reviewer delete: %d %s", r.Status, r.Raw)
			}

			// The same document on a second indicator: listed twice, stored once.
			r2 := a.apiUpload(tok, base+keys[1].Key+"/files", upload{Name: "decree.pdf", Body: pdf})
			if r2.Status != 201 || r2.str("sha256") != sha(pdf) || r2.str("title") != "decree.pdf" {
				t.Fatalf("second upload: %d %s", r2.Status, r2.Raw)
			}
			ctx := context.Background()
			if used, _ := a.db.EvidenceUsage(ctx, org.ID); used != int64(len(pdf)) {
				t.Fatalf("stored %d bytes for two uploads of %d", used, len(pdf))
			}

			if r := a.api(tok, "DELETE", fmt.Sprintf("/api/v1/files/%d", id), nil); r.Status != 200 {
				t.Fatalf("delete: %d %s", r.Status, r.Raw)
			}
			if res, _ := a.download(tok, fmt.Sprintf("/api/v1/files/%d", id)); res.StatusCode != 404 {
				t.Fatalf("removed file download: %d", res.StatusCode)
			}
			if r := a.api(tok, "DELETE", fmt.Sprintf("/api/v1/files/%d", id), nil); r.Status != 409 {
				t.Fatalf("second delete: %d", r.Status)
			}
			show = a.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d", as.ID), nil)
			if len(indicatorFiles(t, show, keys[0].Key)) != 0 || len(indicatorFiles(t, show, keys[1].Key)) != 1 {
				t.Fatalf("after removal: %s", show.Raw)
			}
			// The bytes stay while the second file uses them.
			id2 := int64(r2.Body["id"].(float64))
			if res, body := a.download(tok, fmt.Sprintf("/api/v1/files/%d", id2)); res.StatusCode != 200 || sha(body) != sha(pdf) {
				t.Fatalf("shared bytes after removal: %d", res.StatusCode)
			}
			if r := a.api(tok, "DELETE", fmt.Sprintf("/api/v1/files/%d", id2), nil); r.Status != 200 {
				t.Fatalf("delete second: %d", r.Status)
			}
			if used, _ := a.db.EvidenceUsage(ctx, org.ID); used != 0 {
				t.Fatalf("stored %d bytes after removing every file", used)
			}
			want := map[string]int{"evidence.add": 2, "evidence.remove": 2}
			for action, n := range want {
				if got := countAudit(t, a, org.ID, action); got != n {
					t.Errorf("%s events: %d, want %d", action, got, n)
				}
			}
		})
	}
}

func countAudit(t *testing.T, a *app, orgID int64, action string) int {
	t.Helper()
	events, err := a.db.Audit(context.Background(), evidenceAuditFilter(orgID, action))
	if err != nil {
		t.Fatal(err)
	}
	return len(events)
}
