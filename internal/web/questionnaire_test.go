package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestOverviewShowsProgressAndPhases(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.coordinator)
	for _, in := range f.fw.Capability("leadership").Indicators {
		if in.Phase <= 2 {
			f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", f.assess.ID, in.Key), map[string]any{"answer": "yes", "version": 0})
		}
	}
	b := f.login(f.viewer.Email)
	res, doc := b.get(fmt.Sprintf("/assessments/%d", f.assess.ID))
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if n := doc.Find("section.domain").Length(); n != 6 {
		t.Errorf("domains shown = %d, want 6", n)
	}
	row := doc.Find(`tr[data-capability="leadership"]`)
	if got := strings.TrimSpace(row.Find(".suggested").Text()); got != "2 · Developing" {
		t.Errorf("suggested cell = %q", got)
	}
	if got := strings.TrimSpace(row.Find(".confirmed").Text()); got != "Not assessed" {
		t.Errorf("confirmed cell = %q", got)
	}
	if v, _ := row.Find("progress").Attr("value"); v != fmt.Sprint(len(f.fw.Capability("leadership").IndicatorsByPhase(1))+len(f.fw.Capability("leadership").IndicatorsByPhase(2))) {
		t.Errorf("capability progress value = %q, want the phase-1 and phase-2 indicators answered", v)
	}
	total := 0
	for _, c := range f.fw.Capabilities() {
		total += len(c.Indicators)
	}
	if got, _ := doc.Find("#overall-completion progress").Attr("max"); got != fmt.Sprint(total) {
		t.Errorf("overall progress max = %q, want %d", got, total)
	}
	if n := doc.Find(`tr[data-capability] a`).Length(); n != 21 {
		t.Errorf("capability links = %d", n)
	}
}

func TestCapabilityPageWithoutJavaScriptSavesTheWholeForm(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	res, doc := b.get(page)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if doc.Find("fieldset.indicator").Length() != len(f.fw.Capability("leadership").Indicators) {
		t.Fatal("not every indicator is on the page")
	}
	if _, ok := doc.Find(`a[rel=next]`).Attr("href"); !ok {
		t.Error("no link to the next capability")
	}
	if doc.Find(`a[rel=prev]`).Length() != 0 {
		t.Error("the first capability has a previous link")
	}
	// Submit the form as a browser without JavaScript does: every field.
	form := url.Values{}
	doc.Find("form.capability-form input, form.capability-form textarea, form.capability-form select").Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		typ, _ := s.Attr("type")
		val, _ := s.Attr("value")
		if typ == "radio" {
			return
		}
		if goquery.NodeName(s) == "textarea" {
			val = s.Text()
		}
		form.Set(name, val)
	})
	form.Set("answer.leadership-1", "yes")
	for _, in := range f.fw.Capability("leadership").IndicatorsByPhase(1) {
		if in.Key != "leadership-1" { // every phase-1 indicator met: phase 1
			form.Set("answer."+in.Key, "yes")
		}
	}
	form.Set("evidence.leadership-1", "Cabinet decision 4/2025")
	form.Set("links.leadership-1", "https://example.org/decision\nhttps://example.org/annex")
	form.Set("answer.leadership-2", "partly")
	form.Set("note.leadership-2", "Meets once a year only")
	form.Set("target_phase", "3")
	form.Set("lead", "Ministry of Social Affairs")
	res, _ = b.post(page, form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d", res.StatusCode)
	}
	res, doc = b.get(page)
	if got, _ := doc.Find(`input[name="answer.leadership-1"][checked]`).Attr("value"); got != "yes" {
		t.Errorf("leadership-1 = %q", got)
	}
	if got := doc.Find(`textarea[name="evidence.leadership-1"]`).Text(); got != "Cabinet decision 4/2025" {
		t.Errorf("evidence = %q", got)
	}
	if got := doc.Find(`textarea[name="links.leadership-1"]`).Text(); got != "https://example.org/decision\nhttps://example.org/annex" {
		t.Errorf("links = %q", got)
	}
	if got := doc.Find(`textarea[name="note.leadership-2"]`).Text(); got != "Meets once a year only" {
		t.Errorf("note = %q", got)
	}
	if got, _ := doc.Find(`#target_phase option[selected]`).Attr("value"); got != "3" {
		t.Errorf("target = %q", got)
	}
	if got, _ := doc.Find(`#suggested-phase`).Attr("data-phase"); got != "1" {
		t.Errorf("suggested phase = %q, want 1", got)
	}
	if got := doc.Find(".flash").Text(); got != "Saved." {
		t.Errorf("flash = %q", got)
	}
	// Untouched indicators stay at version 0; touched ones moved to 1.
	if v, _ := doc.Find(`input[name="version.leadership-3"]`).Attr("value"); v != "0" {
		t.Errorf("untouched indicator version = %s", v)
	}
	if v, _ := doc.Find(`input[name="version.leadership-1"]`).Attr("value"); v != "1" {
		t.Errorf("saved indicator version = %s", v)
	}
}

func TestCapabilityFormErrorsKeepInput(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	b.get(page)
	// A confirmed phase other than the suggestion without a justification.
	res, doc := b.post(page, url.Values{"cap_version": {"0"}, "confirmed_phase": {"3"}, "justification": {""}, "lead": {"Kept lead"},
		"version.leadership-1": {"0"}, "answer.leadership-1": {"yes"}, "evidence.leadership-1": {"Kept evidence"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	if msg := doc.Find("#justification-error").Text(); !strings.Contains(msg, "differs from the suggested phase") {
		t.Errorf("justification error = %q", msg)
	}
	if v, _ := doc.Find("#lead").Attr("value"); v != "Kept lead" {
		t.Errorf("lead not kept: %q", v)
	}
	if got := doc.Find(`textarea[name="evidence.leadership-1"]`).Text(); got != "Kept evidence" {
		t.Errorf("evidence not kept: %q", got)
	}
	// Nothing was half-saved: the answer in the same form was not stored.
	r := f.api(f.token(f.coordinator), "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil)
	if got := indicator(t, capability(t, r, "leadership"), "leadership-1"); got["answer"] != "" {
		t.Errorf("answer saved although the form was rejected: %v", got)
	}
}

func TestCapabilityFormStaleVersionIs409WithInputKept(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	b.get(page)
	f.api(f.token(f.owner), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID), map[string]any{"answer": "no", "version": 0})
	res, doc := b.post(page, url.Values{"version.leadership-1": {"0"}, "answer.leadership-1": {"yes"}, "evidence.leadership-1": {"My evidence"}})
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("status %d", res.StatusCode)
	}
	if msg := doc.Find("#form-error").Text(); !strings.HasPrefix(msg, "owner changed indicator 1.1 (“") {
		t.Errorf("conflict message = %q", msg)
	}
	if got := text(doc.Find(`[data-conflict="leadership-1"] dl`)); !strings.Contains(got, "Stored now: No Yours: Yes") {
		t.Errorf("stored beside yours = %q", got)
	}
	if got := doc.Find(`textarea[name="evidence.leadership-1"]`).Text(); got != "My evidence" {
		t.Errorf("input lost: %q", got)
	}
	r := f.api(f.token(f.coordinator), "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil)
	if got := indicator(t, capability(t, r, "leadership"), "leadership-1"); got["answer"] != "no" {
		t.Errorf("stored answer overwritten: %v", got)
	}
}

// TestAutosaveEndpoint is what static/app.js calls: one fieldset, JSON back.
func TestAutosaveEndpoint(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	b.get(fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID))
	save := func(version string) (*http.Response, map[string]any) {
		req, _ := http.NewRequest("POST", f.ts.URL+fmt.Sprintf("/assessments/%d/indicators/leadership-1", f.assess.ID),
			strings.NewReader(url.Values{"answer.leadership-1": {"yes"}, "version.leadership-1": {version}, "evidence.leadership-1": {"e"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		req.Header.Set("X-CSRF-Token", b.csrf)
		res, err := b.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]any
		raw, _ := io.ReadAll(res.Body)
		_ = json.Unmarshal(raw, &out)
		return res, out
	}
	for _, in := range f.fw.Capability("leadership").IndicatorsByPhase(1) {
		if in.Key != "leadership-1" { // the autosave completes phase 1
			f.api(f.token(f.coordinator), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", f.assess.ID, in.Key), map[string]any{"answer": "yes", "version": 0})
		}
	}
	res, body := save("0")
	if res.StatusCode != 200 || body["key"] != "leadership" || body["suggested_phase"].(float64) != 1 {
		t.Fatalf("autosave: %d %v", res.StatusCode, body)
	}
	if ind := indicator(t, body, "leadership-1"); ind["version"].(float64) != 1 || ind["answer"] != "yes" {
		t.Errorf("indicator after autosave = %v", ind)
	}
	res, body = save("0")
	if res.StatusCode != http.StatusConflict || body["code"] != "conflict" {
		t.Fatalf("stale autosave: %d %v", res.StatusCode, body)
	}
}

func TestOtherOrganisationIsNotFound(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.outsider.Email)
	for _, p := range []string{fmt.Sprintf("/assessments/%d", f.assess.ID), fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)} {
		if res, _ := b.get(p); res.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", p, res.StatusCode)
		}
	}
	r := f.api(f.token(f.outsider), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID), map[string]any{"answer": "yes", "version": 0})
	if r.Status != 404 {
		t.Errorf("API write to another organisation: %d", r.Status)
	}
}

func TestContributorOutsideAssignmentIs403(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.contributor)
	r := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/legislation-1", f.assess.ID), map[string]any{"answer": "yes", "version": 0})
	if r.Status != 403 || !strings.Contains(r.str("error"), "not assigned to you") {
		t.Fatalf("unassigned: %d %s", r.Status, r.Raw)
	}
	r = f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID), map[string]any{"answer": "yes", "version": 0})
	if r.Status != 200 {
		t.Fatalf("assigned: %d %s", r.Status, r.Raw)
	}
}

func TestCreateAssessmentForm(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	res, doc := b.get(fmt.Sprintf("/assessments/new?organisation=%d", f.org.ID))
	if res.StatusCode != 200 || doc.Find(`input[name=scope]`).Length() != 21 {
		t.Fatalf("new form: %d", res.StatusCode)
	}
	res, doc = b.post("/assessments", url.Values{"organisation_id": {fmt.Sprint(f.org.ID)}, "title": {""}, "period": {"2027"}, "coverage": {"all"}})
	if res.StatusCode != 422 || !strings.Contains(doc.Find(".field-error").Text(), "Title is required") {
		t.Fatalf("empty title: %d %q", res.StatusCode, doc.Find(".field-error").Text())
	}
	res, _ = b.post("/assessments", url.Values{"organisation_id": {fmt.Sprint(f.org.ID)}, "title": {"Hotline review"}, "period": {"2027"},
		"coverage": {"subset"}, "scope": {"hotline", "takedown"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	_, doc = b.get(res.Header.Get("Location"))
	if n := doc.Find("tr[data-capability]").Length(); n != 2 {
		t.Errorf("agency assessment shows %d capabilities, want 2", n)
	}
	// A viewer cannot start one.
	v := f.login(f.viewer.Email)
	if res, _ := v.get("/assessments/new"); res.StatusCode != 403 {
		t.Errorf("viewer new assessment: %d", res.StatusCode)
	}
}
