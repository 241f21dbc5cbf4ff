package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestMarking: owners and coordinators set an assessment's confidentiality
// marking from the report page or the API; it shows on the cover and in
// the print header; bad input is 422 naming the field, a marking changed
// meanwhile 409, other roles 403, other tenants 404; each change is audited.
func TestMarking(t *testing.T) {
	f := newFixture(t)
	path := fmt.Sprintf("/api/v1/assessments/%d/marking", f.assess.ID)
	owner := f.token(f.owner)

	if r := f.api(owner, "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil); r.str("marking") != "internal" {
		t.Errorf("new assessment marking = %q, want internal", r.str("marking"))
	}
	r := f.api(owner, "PUT", path, map[string]string{"marking": "restricted", "previous_marking": "internal"})
	if r.Status != 200 || r.str("marking") != "restricted" {
		t.Fatalf("set marking: %d %s", r.Status, r.Raw)
	}
	// Stale: the caller still thinks it is internal.
	if r := f.api(owner, "PUT", path, map[string]string{"marking": "public", "previous_marking": "internal"}); r.Status != 409 {
		t.Errorf("stale marking: %d %s", r.Status, r.Raw)
	}
	if r := f.api(owner, "PUT", path, map[string]string{"marking": "secret", "previous_marking": "restricted"}); r.Status != 422 || !strings.Contains(string(r.Raw), `"marking"`) {
		t.Errorf("bad marking: %d %s", r.Status, r.Raw)
	}
	if r := f.api(f.token(f.reviewer), "PUT", path, map[string]string{"marking": "public", "previous_marking": "restricted"}); r.Status != 403 {
		t.Errorf("reviewer: %d", r.Status)
	}
	if r := f.api(f.token(f.outsider), "PUT", path, map[string]string{"marking": "public", "previous_marking": "restricted"}); r.Status != 404 {
		t.Errorf("outsider: %d", r.Status)
	}

	// The report page: the cover carries the marking; the form is for the
	// coordinator only; a bad value comes back beside the field.
	b := f.login(f.coordinator.Email)
	report := fmt.Sprintf("/assessments/%d/report", f.assess.ID)
	_, doc := b.get(report)
	if got := strings.TrimSpace(doc.Find("#cover-marking").Text()); got != "Restricted" {
		t.Errorf("cover marking = %q", got)
	}
	if doc.Find(".draft-mark").Length() != 1 {
		t.Error("a draft report has no DRAFT watermark")
	}
	res, doc := b.post(fmt.Sprintf("/assessments/%d/marking", f.assess.ID), url.Values{"marking": {"topsecret"}, "previous_marking": {"restricted"}})
	if res.StatusCode != 422 || doc.Find("#marking-error").Length() != 1 {
		t.Errorf("bad marking on the page: %d, error shown %d", res.StatusCode, doc.Find("#marking-error").Length())
	}
	res, _ = b.post(fmt.Sprintf("/assessments/%d/marking", f.assess.ID), url.Values{"marking": {"confidential"}, "previous_marking": {"restricted"}})
	_, doc = b.get(report)
	if res.StatusCode != http.StatusSeeOther || strings.TrimSpace(doc.Find("#cover-marking").Text()) != "Confidential" {
		t.Errorf("set on the page: %d, cover %q", res.StatusCode, doc.Find("#cover-marking").Text())
	}
	_, doc = f.login(f.viewer.Email).get(report)
	if doc.Find("form.marking-form").Length() != 0 {
		t.Error("a viewer is offered the marking form")
	}

	// The browser print's running header: title, marking, draft; the
	// footer's page numbers in the reader's language.
	b.switchLanguage("fr")
	res, err := b.http.Get(f.ts.URL + report + "/print.css")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	css := string(raw)
	for _, want := range []string{"Confidentiel", "PROJET — non approuvé", `"Page " counter(page) " sur " counter(pages)`} {
		if !strings.Contains(css, want) {
			t.Errorf("print.css lacks %q:\n%s", want, css)
		}
	}
	if res, _ := f.login(f.outsider.Email).get(report + "/print.css"); res.StatusCode != http.StatusNotFound {
		t.Errorf("outsider print.css: %d", res.StatusCode)
	}

	events, err := f.db.Audit(context.Background(), store.AuditFilter{OrganisationID: f.org.ID})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range events {
		if e.Action == "assessment.marking" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("audited marking changes = %d, want 2", n)
	}
}
