package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// approve takes an assessment through submit and approval by API.
func (f *fixture) approve(a assessment.Assessment) {
	f.t.Helper()
	for _, step := range []struct {
		u      assessment.User
		action string
	}{{f.coordinator, "submit"}, {f.reviewer, "approve"}} {
		res := f.api(f.token(step.u), "POST", fmt.Sprintf("/api/v1/assessments/%d/transitions", a.ID), map[string]any{"action": step.action})
		if res.Status != 200 {
			f.t.Fatalf("%s: %d %s", step.action, res.Status, res.Raw)
		}
	}
}

// nextCycle starts the next cycle of a through the form and returns its id.
func (f *fixture) nextCycle(b *browser, a assessment.Assessment, period string) int64 {
	f.t.Helper()
	_, doc := b.get(fmt.Sprintf("/assessments/%d/next-cycle", a.ID))
	title, _ := doc.Find("#title").Attr("value")
	res, _ := b.post(fmt.Sprintf("/assessments/%d/next-cycle", a.ID), url.Values{"title": {title}, "period": {period}})
	if res.StatusCode != http.StatusSeeOther {
		f.t.Fatalf("next cycle: %d", res.StatusCode)
	}
	var id int64
	if _, err := fmt.Sscanf(res.Header.Get("Location"), "/assessments/%d", &id); err != nil {
		f.t.Fatalf("next cycle redirect %q", res.Header.Get("Location"))
	}
	return id
}

func TestNextCycleCarriesAnswersForward(t *testing.T) {
	f := newFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 2}, "Decree 7/2025")
	coordB := f.session(f.coordinator)
	if res, _ := coordB.post(fmt.Sprintf("/assessments/%d/next-cycle", f.assess.ID), url.Values{"title": {"x"}, "period": {"2027"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("next cycle of a draft: %d", res.StatusCode)
	}
	f.approve(f.assess)
	if res, _ := f.session(f.viewer).get(fmt.Sprintf("/assessments/%d/next-cycle", f.assess.ID)); res.StatusCode != http.StatusForbidden {
		t.Errorf("viewer opens the next-cycle form: %d", res.StatusCode)
	}
	_, doc := coordB.get(fmt.Sprintf("/assessments/%d/next-cycle", f.assess.ID))
	if v, _ := doc.Find("#period").Attr("value"); v != "2027" {
		t.Errorf("suggested period = %q", v)
	}
	id := f.nextCycle(coordB, f.assess, "2027")
	if res, _ := coordB.post(fmt.Sprintf("/assessments/%d/next-cycle", f.assess.ID), url.Values{"title": {"again"}, "period": {"2027"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("a second next cycle from the same assessment: %d", res.StatusCode)
	}
	ctx := context.Background()
	_, next, states, answers, err := f.db.AssessmentContent(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if next.PreviousID == nil || *next.PreviousID != f.assess.ID || next.Status != assessment.StatusDraft || len(next.Scope) != len(f.fw.Capabilities())+len(f.fw.Enablers()) {
		t.Fatalf("next cycle = %+v", next)
	}
	carried := 0
	for _, an := range answers {
		if an.CarriedForward && an.Evidence == "Decree 7/2025" && an.Note == "note "+an.IndicatorKey {
			carried++
		}
	}
	if carried != len(answers) {
		t.Errorf("%d of %d answers carried with their evidence and note", carried, len(answers))
	}
	for _, st := range states {
		if st.Confirmed != nil || st.Target == nil || st.Lead != "Lead of "+st.CapabilityKey {
			t.Errorf("%s state carried as %+v", st.CapabilityKey, st)
			break
		}
	}
	if prev, ok, _ := f.db.PreviousAssessment(ctx, next); !ok || prev.ID != f.assess.ID {
		t.Errorf("previous assessment = %v %v", prev.ID, ok)
	}

	// The overview counts what is left to confirm; the capability page marks each.
	leadership := f.fw.Capability("leadership")
	total := len(answers)
	_, doc = coordB.get(fmt.Sprintf("/assessments/%d", id))
	if !strings.Contains(text(doc.Find("#carried-total")), fmt.Sprintf("%d answers", total)) {
		t.Errorf("overview carried total = %q", text(doc.Find("#carried-total")))
	}
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", id)
	_, doc = coordB.get(page)
	if n := doc.Find("[data-carried] .badge-carried").Length(); n != len(leadership.Indicators) {
		t.Errorf("carried badges on leadership = %d", n)
	}
	first, second := leadership.Indicators[0].Key, leadership.Indicators[1].Key
	res, _ := coordB.post(fmt.Sprintf("/assessments/%d/capabilities/leadership/confirm", id), url.Values{"indicator": {first}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm one: %d", res.StatusCode)
	}
	// Changing an answer confirms it too.
	tok := f.token(f.coordinator)
	ver := 0
	for _, an := range answers {
		if an.IndicatorKey == second {
			ver = an.Version
		}
	}
	if r := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", id, second), map[string]any{"answer": "no", "version": ver}); r.Status != 200 || r.Body["carried_forward"] != false {
		t.Fatalf("change a carried answer: %d %s", r.Status, r.Raw)
	}
	_, doc = coordB.get(page)
	if doc.Find(fmt.Sprintf(`[data-carried="%s"]`, first)).Length() != 0 || doc.Find(fmt.Sprintf(`[data-carried="%s"]`, second)).Length() != 0 {
		t.Error("confirmed or changed answers still marked")
	}
	if got := text(doc.Find("#carried-count")); got != fmt.Sprint(len(leadership.Indicators)-2) {
		t.Errorf("carried count on the page = %q", got)
	}
	r := f.api(tok, "POST", fmt.Sprintf("/api/v1/assessments/%d/capabilities/leadership/confirm", id), map[string]any{})
	if r.Status != 200 || r.Body["confirmed"] != float64(len(leadership.Indicators)-2) {
		t.Errorf("confirm all: %d %s", r.Status, r.Raw)
	}
	if r := f.api(f.token(f.viewer), "POST", fmt.Sprintf("/api/v1/assessments/%d/capabilities/hotline/confirm", id), map[string]any{}); r.Status != http.StatusForbidden {
		t.Errorf("viewer confirms: %d", r.Status)
	}
	if ev := f.events("answer.confirm"); len(ev) != len(leadership.Indicators)-1 {
		t.Errorf("answer.confirm events = %d, want %d (the changed answer is an answer.save)", len(ev), len(leadership.Indicators)-1)
	}
	if ev := f.lastEvent("cycle.start"); ev.AssessmentID != id || !strings.Contains(ev.Before, fmt.Sprintf(`"previous_id":%d`, f.assess.ID)) {
		t.Errorf("cycle.start audit = %+v", ev)
	}
}

func TestNextCycleByAPI(t *testing.T) {
	f := newFixture(t)
	f.answerAll(f.assess, nil, "")
	f.approve(f.assess)
	path := fmt.Sprintf("/api/v1/assessments/%d/next-cycle", f.assess.ID)
	if r := f.api(f.token(f.reviewer), "POST", path, map[string]any{"title": "Next", "period": "2027"}); r.Status != http.StatusForbidden {
		t.Errorf("reviewer starts a cycle: %d", r.Status)
	}
	if r := f.api(f.token(f.coordinator), "POST", path, map[string]any{"title": "", "period": "2027"}); r.Status != 422 || r.str("field") != "title" {
		t.Errorf("no title: %d %s", r.Status, r.Raw)
	}
	r := f.api(f.token(f.coordinator), "POST", path, map[string]any{"title": "Next", "period": "2027"})
	if r.Status != http.StatusCreated || r.Body["previous_id"] != float64(f.assess.ID) || r.str("status") != "draft" || r.str("framework_version") != f.fw.Version {
		t.Fatalf("next cycle: %d %s", r.Status, r.Raw)
	}
}
