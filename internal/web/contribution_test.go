package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// TestNationalExerciseThroughHTTP runs the contribution and consolidation
// steps as people do them: three agencies invited, two of them disagreeing
// on an indicator, one national answer adopted and another decided.
func TestNationalExerciseThroughHTTP(t *testing.T) {
	w := newAgencies(t)
	due := time.Now().UTC().AddDate(0, 0, 20).Format(time.DateOnly)

	// The invitation form offers the country's other organisations only.
	_, doc := w.coordinatorB.get(fmt.Sprintf("/assessments/%d/contributions", w.assess.ID))
	options := text(doc.Find("#organisation_id"))
	if !strings.Contains(options, "Demoland Public Prosecution Service") || strings.Contains(options, "Other Country Council") || strings.Contains(options, "Ministry of Demoland") {
		t.Errorf("agencies offered: %q", options)
	}
	police := w.invite(t, w.police, due, "law-enforcement", "judiciary-prosecutors")
	prosecution := w.invite(t, w.prosecution, due, "judiciary-prosecutors")
	w.invite(t, w.helpline, due, "child-helpline")
	_, doc = w.coordinatorB.get(fmt.Sprintf("/assessments/%d/contributions", w.assess.ID))
	if n := doc.Find("table.contributions tbody tr").Length(); n != 3 {
		t.Fatalf("contributions listed: %d", n)
	}
	if got := text(doc.Find(fmt.Sprintf(`tr[data-contribution="%d"] .status-cell`, police))); got != "Invited" {
		t.Errorf("police status = %q", got)
	}

	// The police answer one capability with the plain form, the other by API.
	jp := w.fw.Capability("judiciary-prosecutors").Indicators
	page := fmt.Sprintf("/contributions/%d/capabilities/judiciary-prosecutors", police)
	_, doc = w.policeB.get(page)
	if doc.Find("fieldset.indicator").Length() != len(jp) {
		t.Fatal("the contribution page does not show every indicator")
	}
	form := formOf(doc, "form.capability-form")
	for _, in := range jp {
		form.Set("answer."+in.Key, "yes")
		form.Set("evidence."+in.Key, "Police case files 2025")
	}
	res, _ := w.policeB.post(page, form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("whole-form save: %d", res.StatusCode)
	}
	_, doc = w.policeB.get(page)
	if v, _ := doc.Find(fmt.Sprintf(`input[name="answer.%s"][checked]`, jp[0].Key)).Attr("value"); v != "yes" {
		t.Errorf("saved answer shows %q", v)
	}
	policeTok := w.token(w.policeLead)
	w.answer(t, policeTok, police, "law-enforcement", nil)
	// The submit button asks first, on a page of its own; nothing changes
	// until the agency confirms.
	res, doc = w.policeB.post(fmt.Sprintf("/contributions/%d/submit", police), url.Values{})
	if res.StatusCode != http.StatusOK || doc.Find(`#confirm-submit input[name="confirm"][value="yes"]`).Length() != 1 {
		t.Fatalf("police submit without confirmation: %d, confirmation step shown: %d", res.StatusCode, doc.Find("#confirm-submit").Length())
	}
	if c, _ := w.db.Contribution(context.Background(), police); c.Status != assessment.ContributionInProgress {
		t.Fatalf("status before confirming = %s", c.Status)
	}
	res, _ = w.policeB.post(fmt.Sprintf("/contributions/%d/submit", police), url.Values{"confirm": {"yes"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("police submit: %d", res.StatusCode)
	}
	_, doc = w.policeB.get(fmt.Sprintf("/contributions/%d", police))
	if got := text(doc.Find("#contribution-status")); got != "Submitted" {
		t.Errorf("status after submit = %q", got)
	}

	// The prosecutors disagree on the first indicator, with their evidence.
	proTok := w.token(w.prosecutor)
	w.answer(t, proTok, prosecution, "judiciary-prosecutors", map[string]string{jp[0].Key: "no"})
	if r := w.api(proTok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", prosecution), nil); r.Status != 200 || r.str("status") != "submitted" {
		t.Fatalf("prosecution submit: %d %s", r.Status, r.Raw)
	}

	// Overview: the conflict is named in words.
	_, doc = w.coordinatorB.get(fmt.Sprintf("/assessments/%d/consolidation", w.assess.ID))
	row := doc.Find(`tr[data-capability="judiciary-prosecutors"]`)
	if got := text(row.Find(".asked")); got != "2 of 2" {
		t.Errorf("judiciary asked/in = %q", got)
	}
	if got := text(row.Find("td.agreement")); got != "Disagreement on 1 indicator" {
		t.Errorf("judiciary agreement = %q", got)
	}
	if got := text(row.Find("td.consolidated")); got != fmt.Sprintf("%d to adopt or decide", len(jp)) {
		t.Errorf("judiciary consolidation = %q", got)
	}
	if got := text(doc.Find(`tr[data-capability="law-enforcement"] td.agreement`)); got != "Agreement" {
		t.Errorf("law enforcement agreement = %q", got)
	}
	if got := text(doc.Find(`tr[data-capability="child-helpline"] .asked`)); got != "0 of 1" {
		t.Errorf("helpline asked/in = %q", got)
	}

	// Side by side: both positions, the badge, each agency's evidence.
	capPage := fmt.Sprintf("/assessments/%d/consolidation/judiciary-prosecutors", w.assess.ID)
	res, doc = w.coordinatorB.get(capPage)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("consolidation page: %d %s", res.StatusCode, text(doc.Find("main")))
	}
	sec := doc.Find("#" + jp[0].Key)
	if a, _ := sec.Attr("data-agreement"); a != "disagree" || text(sec.Find(".badge.disagreement")) != "Disagreement" {
		t.Errorf("first indicator: agreement %q, badge %q", a, text(sec.Find(".badge")))
	}
	if got := text(sec.Find(fmt.Sprintf(`tr[data-contribution="%d"] .answer`, police))); got != "Yes" {
		t.Errorf("police position = %q", got)
	}
	proRow := sec.Find(fmt.Sprintf(`tr[data-contribution="%d"]`, prosecution))
	if text(proRow.Find(".answer")) != "No" || text(proRow.Find(".evidence")) != "Evidence of "+jp[0].Key || text(proRow.Find(".note")) != "Note on "+jp[0].Key {
		t.Errorf("prosecution row = %q", text(proRow))
	}
	if doc.Find("#"+jp[1].Key+" .badge.disagreement").Length() != 0 {
		t.Error("an indicator both agencies answered Yes is marked as a disagreement")
	}

	// Adopt the prosecutors' No, with its evidence; provenance is shown.
	adopt := formOf(doc, fmt.Sprintf(`#%s tr[data-contribution="%d"] form`, jp[0].Key, prosecution))
	res, _ = w.coordinatorB.post(capPage+"/adopt", adopt)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("adopt: %d", res.StatusCode)
	}
	_, doc = w.coordinatorB.get(capPage)
	if got := text(doc.Find("#" + jp[0].Key + " .national")); got != "National answer: No From: Demoland Public Prosecution Service's contribution" {
		t.Errorf("national answer after adoption = %q", got)
	}
	_, doc = w.coordinatorB.get(fmt.Sprintf("/assessments/%d/capabilities/judiciary-prosecutors", w.assess.ID))
	if got := text(doc.Find(fmt.Sprintf(`#%s .provenance`, jp[0].Key))); got != "From: Demoland Public Prosecution Service's contribution" {
		t.Errorf("provenance on the capability page = %q", got)
	}
	if got := doc.Find(fmt.Sprintf(`#%s textarea[name="evidence.%s"]`, jp[0].Key, jp[0].Key)).Text(); got != "Evidence of "+jp[0].Key {
		t.Errorf("adopted evidence = %q", got)
	}
	coordTok := w.token(w.coordinator)
	ind := nationalIndicator(t, w, coordTok, "judiciary-prosecutors", jp[0].Key)
	if ind["source"] != "contribution" || ind["source_contribution_id"] != float64(prosecution) || ind["answer"] != "no" {
		t.Errorf("national answer by API = %v", ind)
	}

	// A decision needs a reason; with one, it is kept and shown.
	_, doc = w.coordinatorB.get(capPage)
	decide := formOf(doc, fmt.Sprintf(`#%s details.decide form`, jp[1].Key))
	decide.Set("answer", "partly")
	res, doc = w.coordinatorB.post(capPage+"/decide", decide)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text(doc.Find("#"+jp[1].Key+" .error-message")), "reason") {
		t.Fatalf("decision without reason: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	if v, _ := doc.Find(fmt.Sprintf(`#%s input[name=answer][checked]`, jp[1].Key)).Attr("value"); v != "partly" {
		t.Errorf("the typed decision was not kept: %q", v)
	}
	decide.Set("reason", "Court statistics show guidance exists but is not applied everywhere.")
	res, _ = w.coordinatorB.post(capPage+"/decide", decide)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("decision: %d", res.StatusCode)
	}
	_, doc = w.coordinatorB.get(capPage)
	if got := text(doc.Find("#" + jp[1].Key + " .provenance")); got != "Coordinator decision: Court statistics show guidance exists but is not applied everywhere." {
		t.Errorf("decision provenance = %q", got)
	}
	r := w.api(coordTok, "POST", fmt.Sprintf("/api/v1/assessments/%d/consolidation/%s", w.assess.ID, jp[2].Key), map[string]any{"answer": "yes", "version": 0})
	if r.Status != http.StatusUnprocessableEntity || r.str("field") != "reason" {
		t.Errorf("API decision without reason: %d %s", r.Status, r.Raw)
	}

	// Every step is in the audit trail, with before and after.
	acts := w.actions(t)
	for action, n := range map[string]int{"contribution.invite": 3, "contribution.answer": len(jp) + len(w.fw.Capability("law-enforcement").Indicators) + len(jp),
		"contribution.submit": 2, "answer.adopt": 1, "answer.decide": 1} {
		if acts[action] != n {
			t.Errorf("audit %s = %d, want %d (all: %v)", action, acts[action], n, acts)
		}
	}
	e := w.lastEvent("answer.adopt")
	if !strings.Contains(e.Before, `"answer":""`) || !strings.Contains(e.After, `"answer":"no"`) || !strings.Contains(e.After, fmt.Sprintf(`"source_contribution_id":%d`, prosecution)) {
		t.Errorf("adopt audit: %s → %s", e.Before, e.After)
	}
	if e := w.lastEvent("answer.decide"); !strings.Contains(e.After, `"source_reason":"Court statistics`) {
		t.Errorf("decide audit: %s", e.After)
	}
}

// nationalIndicator reads one national answer through the API.
func nationalIndicator(t testing.TB, w *agencies, token, capKey, key string) map[string]any {
	t.Helper()
	r := w.api(token, "GET", fmt.Sprintf("/api/v1/assessments/%d", w.assess.ID), nil)
	var body struct {
		Capabilities []struct {
			Key        string           `json:"key"`
			Indicators []map[string]any `json:"indicators"`
		} `json:"capabilities"`
	}
	if err := json.Unmarshal(r.Raw, &body); err != nil {
		t.Fatal(err)
	}
	for _, c := range body.Capabilities {
		for _, in := range c.Indicators {
			if c.Key == capKey && in["key"] == key {
				return in
			}
		}
	}
	t.Fatalf("no indicator %s in the API answer", key)
	return nil
}

// TestAgenciesSeeOnlyTheirOwnContribution: an agency's members never see
// the national assessment, nor another agency's contribution.
func TestAgenciesSeeOnlyTheirOwnContribution(t *testing.T) {
	w := newAgencies(t)
	police := w.invite(t, w.police, "", "law-enforcement")
	prosecution := w.invite(t, w.prosecution, "", "judiciary-prosecutors")
	policeTok := w.token(w.policeLead)
	for _, path := range []string{fmt.Sprintf("/assessments/%d", w.assess.ID), fmt.Sprintf("/assessments/%d/consolidation", w.assess.ID),
		fmt.Sprintf("/contributions/%d", prosecution), fmt.Sprintf("/contributions/%d/capabilities/judiciary-prosecutors", prosecution)} {
		if res, _ := w.policeB.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("police GET %s: %d, want 404", path, res.StatusCode)
		}
	}
	for _, path := range []string{fmt.Sprintf("/api/v1/assessments/%d", w.assess.ID), fmt.Sprintf("/api/v1/contributions/%d", prosecution),
		fmt.Sprintf("/api/v1/assessments/%d/consolidation", w.assess.ID)} {
		if r := w.api(policeTok, "GET", path, nil); r.Status != http.StatusNotFound {
			t.Errorf("police API GET %s: %d, want 404", path, r.Status)
		}
	}
	if r := w.api(policeTok, "PUT", fmt.Sprintf("/api/v1/contributions/%d/indicators/judiciary-prosecutors-1", prosecution), map[string]any{"answer": "no", "version": 0}); r.Status != http.StatusNotFound {
		t.Errorf("police writing the prosecutors' contribution: %d", r.Status)
	}
	if res, _ := w.session(w.outsider).get(fmt.Sprintf("/contributions/%d", police)); res.StatusCode != http.StatusNotFound {
		t.Errorf("another country's owner: %d", res.StatusCode)
	}
	// Inside the national organisation: reviewers read, viewers are not told.
	if res, _ := w.session(w.viewer).get(fmt.Sprintf("/contributions/%d", police)); res.StatusCode != http.StatusNotFound {
		t.Errorf("national viewer: %d", res.StatusCode)
	}
	rb := w.session(w.reviewer)
	res, doc := rb.get(fmt.Sprintf("/contributions/%d/capabilities/law-enforcement", police))
	if res.StatusCode != http.StatusOK || doc.Find("form.capability-form fieldset[disabled]").Length() != 1 {
		t.Errorf("national reviewer reads the contribution read-only: %d", res.StatusCode)
	}
	res, _ = rb.post(fmt.Sprintf("/contributions/%d/indicators/law-enforcement-1", police), url.Values{"answer.law-enforcement-1": {"yes"}, "version.law-enforcement-1": {"0"}})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("national reviewer writing: %d", res.StatusCode)
	}
	// In the agency: the contributor answers, but submitting is the coordinator's.
	ob := w.session(w.officer)
	res, _ = ob.post(fmt.Sprintf("/contributions/%d/indicators/law-enforcement-1", police), url.Values{"answer.law-enforcement-1": {"yes"}, "version.law-enforcement-1": {"0"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("police contributor answering: %d", res.StatusCode)
	}
	if res, _ := ob.post(fmt.Sprintf("/contributions/%d/submit", police), url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("police contributor submitting: %d", res.StatusCode)
	}
	// The national coordinator sees the list; the police only theirs.
	r := w.api(w.token(w.coordinator), "GET", fmt.Sprintf("/api/v1/assessments/%d/contributions", w.assess.ID), nil)
	if list, _ := r.Body["contributions"].([]any); r.Status != 200 || len(list) != 2 {
		t.Errorf("coordinator's list: %d %s", r.Status, r.Raw)
	}
	r = w.api(policeTok, "GET", fmt.Sprintf("/api/v1/contributions/%d", police), nil)
	if answers, _ := r.Body["answers"].([]any); r.Status != 200 || len(answers) != len(w.fw.Capability("law-enforcement").Indicators) {
		t.Errorf("police reading their contribution: %d %s", r.Status, r.Raw)
	}
	if res, _ := w.session(w.viewer).get(fmt.Sprintf("/assessments/%d/contributions", w.assess.ID)); res.StatusCode != http.StatusForbidden {
		t.Errorf("national viewer on the contributions page: %d", res.StatusCode)
	}
}

// TestContributionBadInput: stale and late writes, wrong assessment,
// locked assessment, invitations the rules refuse.
func TestContributionBadInput(t *testing.T) {
	w := newAgencies(t)
	police := w.invite(t, w.police, "", "law-enforcement")
	policeTok, coordTok := w.token(w.policeLead), w.token(w.coordinator)
	put := func(version int) apiResult {
		return w.api(policeTok, "PUT", fmt.Sprintf("/api/v1/contributions/%d/indicators/law-enforcement-1", police), map[string]any{"answer": "partly", "version": version})
	}
	if r := put(0); r.Status != 200 {
		t.Fatalf("first write: %d %s", r.Status, r.Raw)
	}
	r := put(0)
	if cur, _ := r.Body["current"].(map[string]any); r.Status != http.StatusConflict || cur["version"] != float64(1) {
		t.Errorf("stale write: %d %s", r.Status, r.Raw)
	}
	if r := w.api(policeTok, "PUT", fmt.Sprintf("/api/v1/contributions/%d/indicators/leadership-1", police), map[string]any{"answer": "yes", "version": 0}); r.Status != http.StatusUnprocessableEntity || r.str("field") != "indicator" {
		t.Errorf("indicator of a capability not asked: %d %s", r.Status, r.Raw)
	}
	r = w.api(policeTok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", police), nil)
	if r.Status != http.StatusConflict || !strings.Contains(r.str("error"), "not answered") {
		t.Errorf("incomplete submission: %d %s", r.Status, r.Raw)
	}
	w.answer(t, policeTok, police, "law-enforcement", map[string]string{"law-enforcement-1": "skip"})
	if r := w.api(policeTok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", police), nil); r.Status != 200 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	r = put(1)
	if r.Status != http.StatusConflict || !strings.Contains(r.str("error"), "submitted") {
		t.Errorf("write to a submitted contribution: %d %s", r.Status, r.Raw)
	}
	if r := w.api(policeTok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", police), nil); r.Status != http.StatusConflict {
		t.Errorf("second submission: %d", r.Status)
	}

	// A contribution to another assessment cannot feed this one.
	second := w.assessment(w.org, []string{"law-enforcement"})
	other, _, err := w.db.CreateContribution(context.Background(), assessment.System, w.fw,
		assessment.Contribution{AssessmentID: second.ID, OrganisationID: w.prosecution.ID, Capabilities: []string{"law-enforcement"}}, assessment.ContributionAskedNotices)
	if err != nil {
		t.Fatal(err)
	}
	consolidate := func(body map[string]any) apiResult {
		return w.api(coordTok, "POST", fmt.Sprintf("/api/v1/assessments/%d/consolidation/law-enforcement-2", w.assess.ID), body)
	}
	if r := consolidate(map[string]any{"contribution_id": other.ID, "version": 0}); r.Status != http.StatusNotFound {
		t.Errorf("adopting from another assessment's contribution: %d %s", r.Status, r.Raw)
	}
	if r := consolidate(map[string]any{"contribution_id": police, "answer": "yes", "reason": "x", "version": 0}); r.Status != http.StatusUnprocessableEntity {
		t.Errorf("adopt and decide at once: %d", r.Status)
	}
	if r := consolidate(map[string]any{"contribution_id": police, "version": 0}); r.Status != 200 || r.str("source") != "contribution" || r.str("answer") != "yes" {
		t.Fatalf("adopt: %d %s", r.Status, r.Raw)
	}
	if r := consolidate(map[string]any{"contribution_id": police, "version": 0}); r.Status != http.StatusConflict {
		t.Errorf("stale adoption: %d", r.Status)
	}
	if r := w.api(w.token(w.reviewer), "POST", fmt.Sprintf("/api/v1/assessments/%d/consolidation/law-enforcement-3", w.assess.ID), map[string]any{"contribution_id": police, "version": 0}); r.Status != http.StatusForbidden {
		t.Errorf("reviewer adopting: %d", r.Status)
	}

	// Invitations the rules refuse, each naming its field.
	invite := func(body map[string]any) apiResult {
		return w.api(coordTok, "POST", fmt.Sprintf("/api/v1/assessments/%d/contributions", w.assess.ID), body)
	}
	for field, body := range map[string]map[string]any{
		"organisation_id": {"organisation_id": w.other.ID, "capabilities": []string{"hotline"}},
		"due_date":        {"organisation_id": w.helpline.ID, "capabilities": []string{"hotline"}, "due_date": "2001-01-01"},
		"capabilities":    {"organisation_id": w.helpline.ID, "capabilities": []string{}},
	} {
		if r := invite(body); r.Status != http.StatusUnprocessableEntity || r.str("field") != field {
			t.Errorf("invitation refused on %s: %d %s", field, r.Status, r.Raw)
		}
	}
	if r := invite(map[string]any{"organisation_id": w.police.ID, "capabilities": []string{"hotline"}}); r.Status != http.StatusUnprocessableEntity {
		t.Errorf("second invitation of the police: %d", r.Status)
	}

	// An approved assessment is locked for consolidation and contributions.
	if err := w.db.SetStatus(context.Background(), assessment.System, w.assess.ID, assessment.StatusApproved); err != nil {
		t.Fatal(err)
	}
	if r := consolidate(map[string]any{"contribution_id": police, "version": 1}); r.Status != http.StatusConflict || !strings.Contains(r.str("error"), "locked") {
		t.Errorf("adopting into an approved assessment: %d %s", r.Status, r.Raw)
	}
	if r := invite(map[string]any{"organisation_id": w.helpline.ID, "capabilities": []string{"hotline"}}); r.Status != http.StatusConflict {
		t.Errorf("inviting into an approved assessment: %d", r.Status)
	}
}

// TestContributionFormKeepsInputOnConflict: without JavaScript, a stale
// whole-form save comes back with the message beside the indicator and
// what was typed kept, and saving again replaces the other change.
func TestContributionFormKeepsInputOnConflict(t *testing.T) {
	w := newAgencies(t)
	police := w.invite(t, w.police, "", "law-enforcement")
	page := fmt.Sprintf("/contributions/%d/capabilities/law-enforcement", police)
	_, doc := w.policeB.get(page)
	form := formOf(doc, "form.capability-form")
	if r := w.api(w.token(w.officer), "PUT", fmt.Sprintf("/api/v1/contributions/%d/indicators/law-enforcement-1", police), map[string]any{"answer": "no", "version": 0}); r.Status != 200 {
		t.Fatalf("officer's save: %d", r.Status)
	}
	form.Set("answer.law-enforcement-1", "yes")
	form.Set("evidence.law-enforcement-1", "Unit charter 2024")
	res, doc := w.policeB.post(page, form)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("stale form: %d", res.StatusCode)
	}
	if msg := text(doc.Find("#law-enforcement-1 .field-error")); !strings.HasPrefix(msg, "officer changed indicator 4.1 (“") || strings.Contains(msg, "law-enforcement") {
		t.Errorf("message beside the indicator: %q", msg)
	}
	if got := text(doc.Find(`[data-conflict="law-enforcement-1"] .conflict-field`)); !strings.Contains(got, "Stored now: No") || !strings.Contains(got, "Yours: Yes") {
		t.Errorf("stored beside yours: %q", got)
	}
	if got := doc.Find(`textarea[name="evidence.law-enforcement-1"]`).Text(); got != "Unit charter 2024" {
		t.Errorf("typed evidence lost: %q", got)
	}
	res, _ = w.policeB.post(page, formOf(doc, "form.capability-form"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving again: %d", res.StatusCode)
	}
	r := w.api(w.token(w.policeLead), "GET", fmt.Sprintf("/api/v1/contributions/%d", police), nil)
	first := r.Body["answers"].([]any)[0].(map[string]any)
	if first["answer"] != "yes" || first["evidence"] != "Unit charter 2024" || first["version"] != float64(2) {
		t.Errorf("after saving again: %v", first)
	}
}
