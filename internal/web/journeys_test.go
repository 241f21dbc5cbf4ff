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

// TestJourneyReportAndNextSteps: the report is one click away from home,
// the overview, the review page and a capability page, and the overview's
// "what to do next" panel links to the exact places work is left.
func TestJourneyReportAndNextSteps(t *testing.T) {
	f := newFixture(t)
	id := f.assess.ID
	report := fmt.Sprintf("/assessments/%d/report", id)
	first := f.fw.Capability(f.assess.Scope[0])
	tok := f.token(f.coordinator)
	if r := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", id, first.Indicators[0].Key), map[string]any{"answer": "yes", "version": 0}); r.Status != 200 {
		t.Fatalf("answer: %d %s", r.Status, r.Raw)
	}
	if _, err := f.db.AddComment(context.Background(), assessment.Actor{UserID: f.reviewer.ID, Name: "Reviewer"},
		assessment.Comment{AssessmentID: id, CapabilityKey: first.Key, Body: "Which decree?"}); err != nil {
		t.Fatal(err)
	}
	b := f.session(f.coordinator)
	for _, page := range []string{"/", fmt.Sprintf("/assessments/%d", id), fmt.Sprintf("/assessments/%d/review", id),
		fmt.Sprintf("/assessments/%d/capabilities/%s", id, first.Key)} {
		_, doc := b.get(page)
		if doc.Find(fmt.Sprintf(`main a[href="%s"]`, report)).Length() == 0 {
			t.Errorf("%s: no link to the report", page)
		}
	}
	_, doc := b.get(fmt.Sprintf("/assessments/%d", id))
	if doc.Find(fmt.Sprintf(`.export-menu a[href="/assessments/%d/export.xlsx"]`, id)).Length() != 1 {
		t.Error("overview: the print/export menu has no Excel export")
	}
	total := 0
	caps := 0
	for _, k := range f.assess.Scope {
		if cp := f.fw.Capability(k); cp != nil { // enablers are in scope too
			total += len(cp.Indicators)
			caps++
		}
	}
	if got, want := text(doc.Find("#next-unanswered").Contents().First()), fmt.Sprintf("%d indicators are not answered yet:", total-1); got != want {
		t.Errorf("unanswered = %q, want %q", got, want)
	}
	// The first capability: its second indicator is the first unanswered.
	link := doc.Find("#next-unanswered li a").First()
	if href, _ := link.Attr("href"); href != fmt.Sprintf("/assessments/%d/capabilities/%s#%s", id, first.Key, first.Indicators[1].Key) {
		t.Errorf("first unanswered link = %q", href)
	}
	if got := text(link); !strings.HasSuffix(got, fmt.Sprintf(": %d indicators to answer", len(first.Indicators)-1)) || strings.Contains(got, first.Key) {
		t.Errorf("first unanswered text = %q", got)
	}
	if n := doc.Find("#next-unanswered > ul > li").Length(); n != 6 || caps <= 5 {
		t.Errorf("%d lines for %d capabilities, want 5 and a line for the rest", n, caps)
	}
	if href, _ := doc.Find("#next-comments a").Attr("href"); href != fmt.Sprintf("/assessments/%d/review", id) || text(doc.Find("#next-comments")) != "1 comment thread is open: read and resolve it on the review page" {
		t.Errorf("open comments = %q → %q", text(doc.Find("#next-comments")), href)
	}
	// Plurals come from the catalogue: no "(s)" on any page seen here.
	if html, _ := doc.Html(); strings.Contains(html, "(s)") {
		t.Error("overview says (s)")
	}
}

// TestJourneyHomeTasksForReviewersAndPartners: an assessment waiting for
// review is a reviewer's task on home; a partner analyst lands on what is
// shared with them.
func TestJourneyHomeTasksForReviewersAndPartners(t *testing.T) {
	f := newFixture(t)
	rb := f.session(f.reviewer)
	if _, doc := rb.get("/"); doc.Find("#tasks-review").Length() != 0 {
		t.Fatal("a draft is a review task")
	}
	f.answerAll(f.assess, nil, "Evidence")
	if r := f.api(f.token(f.coordinator), "POST", fmt.Sprintf("/api/v1/assessments/%d/transitions", f.assess.ID), map[string]any{"action": "submit"}); r.Status != 200 {
		t.Fatalf("submit: %d", r.Status)
	}
	_, doc := rb.get("/")
	link := doc.Find(fmt.Sprintf(`#tasks-review li[data-assessment="%d"] a`, f.assess.ID))
	if href, _ := link.Attr("href"); href != fmt.Sprintf("/assessments/%d/review", f.assess.ID) || !strings.Contains(text(link), f.assess.Title) {
		t.Errorf("review task %q → %q", text(link), href)
	}
	// A contributor cannot approve: no review task.
	if _, doc := f.session(f.contributor).get("/"); doc.Find("#tasks-review").Length() != 0 {
		t.Error("a contributor has a review task")
	}
	// Once approved, it is no longer a task; organisations share approved
	// reports.
	if r := f.api(f.token(f.reviewer), "POST", fmt.Sprintf("/api/v1/assessments/%d/transitions", f.assess.ID), map[string]any{"action": "approve"}); r.Status != 200 {
		t.Fatalf("approve: %d", r.Status)
	}
	if _, doc := rb.get("/"); doc.Find("#tasks-review").Length() != 0 {
		t.Error("an approved assessment is still a review task")
	}
	partner, pu := f.partnerOrg("Child Rights Watch International", "analyst@crwi.example")
	if _, err := f.db.CreateShare(context.Background(), assessment.System, f.org.ID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices); err != nil {
		t.Fatal(err)
	}
	_, doc = f.session(pu).get("/")
	item := doc.Find(fmt.Sprintf(`#shared-list li[data-assessment="%d"] a`, f.assess.ID))
	if href, _ := item.Attr("href"); href != fmt.Sprintf("/assessments/%d/report", f.assess.ID) || !strings.Contains(text(item), f.org.Name) {
		t.Errorf("shared report %q → %q", text(item), href)
	}
	if doc.Find(`a[href^="/assessments/new"]`).Length() != 0 {
		t.Error("the partner is offered to start an assessment")
	}
	if doc.Find(`.shared-reports a[href="/partner"]`).Length() != 1 {
		t.Error("no link to the partner view")
	}
}

// TestJourneyApproveAsksFirst: approving with open threads or unconfirmed
// carried-forward answers shows a confirmation step in the page; nothing
// changes until the reviewer confirms.
func TestJourneyApproveAsksFirst(t *testing.T) {
	f := newFixture(t)
	f.answerAll(f.assess, nil, "Evidence")
	if r := f.api(f.token(f.coordinator), "POST", fmt.Sprintf("/api/v1/assessments/%d/transitions", f.assess.ID), map[string]any{"action": "submit"}); r.Status != 200 {
		t.Fatalf("submit: %d", r.Status)
	}
	if _, err := f.db.AddComment(context.Background(), assessment.Actor{UserID: f.reviewer.ID, Name: "Reviewer"},
		assessment.Comment{AssessmentID: f.assess.ID, Body: "Is the budget line confirmed?"}); err != nil {
		t.Fatal(err)
	}
	rb := f.session(f.reviewer)
	review := fmt.Sprintf("/assessments/%d/review", f.assess.ID)
	rb.get(review)
	res, doc := rb.post(fmt.Sprintf("/assessments/%d/transitions", f.assess.ID), url.Values{"action": {"approve"}})
	if res.StatusCode != http.StatusOK || text(doc.Find("#confirm-approve li")) != "1 comment thread is still open." {
		t.Fatalf("approve with an open thread: %d, step %q", res.StatusCode, text(doc.Find("#confirm-approve")))
	}
	if a, _ := f.db.Assessment(context.Background(), f.assess.ID); a.Status != assessment.StatusInReview {
		t.Fatalf("status before confirming = %s", a.Status)
	}
	res, _ = rb.post(fmt.Sprintf("/assessments/%d/transitions", f.assess.ID), formOf(doc, "#confirm-approve form"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirmed approval: %d", res.StatusCode)
	}
	if a, _ := f.db.Assessment(context.Background(), f.assess.ID); a.Status != assessment.StatusApproved {
		t.Fatalf("status after confirming = %s", a.Status)
	}
}

// TestJourneyAdoptAgreedAnswers: one action adopts every answer of a
// capability on which all agencies agree, each audited with its
// provenance; a stale page adopts nothing; the API does the same.
func TestJourneyAdoptAgreedAnswers(t *testing.T) {
	w := newAgencies(t)
	police := w.invite(t, w.police, "", "law-enforcement")
	prosecution := w.invite(t, w.prosecution, "", "law-enforcement")
	inds := w.fw.Capability("law-enforcement").Indicators
	differ, dontKnow := inds[0].Key, inds[1].Key
	w.answer(t, w.token(w.policeLead), police, "law-enforcement", map[string]string{differ: "no"})
	w.answer(t, w.token(w.prosecutor), prosecution, "law-enforcement", map[string]string{dontKnow: "unknown"})
	for _, c := range []struct {
		tok string
		id  int64
	}{{w.token(w.policeLead), police}, {w.token(w.prosecutor), prosecution}} {
		if r := w.api(c.tok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", c.id), nil); r.Status != 200 {
			t.Fatalf("submit: %d %s", r.Status, r.Raw)
		}
	}
	page := fmt.Sprintf("/assessments/%d/consolidation/law-enforcement", w.assess.ID)
	_, doc := w.coordinatorB.get(page)
	form := formOf(doc, "#adopt-agreed")
	agreed := len(inds) - 2
	if n := doc.Find(`#adopt-agreed input[name^="version."]`).Length(); n != agreed {
		t.Fatalf("the form offers %d answers, want %d", n, agreed)
	}
	if got, want := text(doc.Find("#adopt-agreed button")), fmt.Sprintf("Adopt the %d answers on which every agency agrees", agreed); got != want {
		t.Errorf("button %q, want %q", got, want)
	}
	// Someone types a national answer meanwhile: the whole step is refused.
	typed := inds[2].Key
	if r := w.api(w.token(w.coordinator), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", w.assess.ID, typed), map[string]any{"answer": "partly", "version": 0}); r.Status != 200 {
		t.Fatalf("type: %d %s", r.Status, r.Raw)
	}
	res, doc := w.coordinatorB.post(page+"/adopt-agreed", form)
	if res.StatusCode != http.StatusConflict || doc.Find(".error-message").Length() == 0 {
		t.Fatalf("stale adopt-all: %d", res.StatusCode)
	}
	if n := w.actions(t)["answer.adopt"]; n != 0 {
		t.Fatalf("%d adoptions written by a refused step", n)
	}
	_, doc = w.coordinatorB.get(page)
	res, _ = w.coordinatorB.post(page+"/adopt-agreed", formOf(doc, "#adopt-agreed"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("adopt-all: %d", res.StatusCode)
	}
	_, doc = w.coordinatorB.get(page)
	if got, want := text(doc.Find(".flash")), fmt.Sprintf("%d answers adopted; each is recorded with the agency it came from.", agreed); got != want {
		t.Errorf("flash %q, want %q", got, want)
	}
	if n := w.actions(t)["answer.adopt"]; n != agreed {
		t.Errorf("%d adoptions audited, want one per indicator (%d)", n, agreed)
	}
	r := w.api(w.token(w.coordinator), "GET", fmt.Sprintf("/api/v1/assessments/%d", w.assess.ID), nil)
	byKey := map[string]map[string]any{}
	for _, cp := range r.Body["capabilities"].([]any) {
		for _, in := range cp.(map[string]any)["indicators"].([]any) {
			m := in.(map[string]any)
			byKey[m["key"].(string)] = m
		}
	}
	for _, in := range inds {
		got := byKey[in.Key]
		switch in.Key {
		case differ, dontKnow:
			if got["source"] != "" && got["source"] != nil {
				t.Errorf("%s adopted without agreement: %v", in.Key, got)
			}
		default:
			if got["source"] != "contribution" || got["source_contribution_id"] != float64(police) || got["answer"] != "yes" {
				t.Errorf("%s: %v", in.Key, got)
			}
		}
	}
	if doc.Find("#adopt-agreed").Length() != 0 {
		t.Error("the button is still offered with nothing left to adopt")
	}
	// The API: nothing is left, so naming an answer is a conflict.
	api := fmt.Sprintf("/api/v1/assessments/%d/capabilities/law-enforcement/adopt-agreed", w.assess.ID)
	if r := w.api(w.token(w.coordinator), "POST", api, map[string]any{"versions": map[string]int{differ: 0}}); r.Status != http.StatusConflict {
		t.Errorf("API with nothing to adopt: %d %s", r.Status, r.Raw)
	}
	if r := w.api(w.token(w.coordinator), "POST", api, map[string]any{}); r.Status != http.StatusUnprocessableEntity || r.str("field") != "versions" {
		t.Errorf("API without versions: %d %s", r.Status, r.Raw)
	}
}
