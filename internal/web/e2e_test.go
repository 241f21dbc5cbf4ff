package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// apiSetPhases answers, through the API, every indicator of the given
// capabilities so that each one's suggested phase is phases[key]: Yes up to
// that phase, No above. Only answers that change are sent.
func (f *fixture) apiSetPhases(tok string, assessmentID int64, phases map[string]int) {
	f.t.Helper()
	cur := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d", assessmentID), nil)
	caps, _ := cur.Body["capabilities"].([]any)
	for _, c := range caps {
		cm := c.(map[string]any)
		p, ok := phases[cm["key"].(string)]
		if !ok {
			continue
		}
		for _, in := range cm["indicators"].([]any) {
			im := in.(map[string]any)
			want := "no"
			if int(im["phase"].(float64)) <= p {
				want = "yes"
			}
			if im["answer"] == want {
				continue
			}
			res := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", assessmentID, im["key"]),
				map[string]any{"answer": want, "evidence": "Evidence for " + im["key"].(string), "version": im["version"]})
			if res.Status != 200 {
				f.t.Fatalf("answer %s: %d %s", im["key"], res.Status, res.Raw)
			}
		}
	}
}

// contributions asks three agencies through the API: police and
// prosecutors about law enforcement (they disagree on its first indicator),
// social services about end-to-end support. Each answers and submits; the
// answers match phase 1, the national position taken later.
func (f *fixture) contributions(t *testing.T, coord string, assessmentID int64) (police, prosecutors int64) {
	t.Helper()
	due := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	ask := func(name string, caps []string, disputed string) int64 {
		o := f.app.org(name, "XD")
		u := f.user(strings.ToLower(strings.Fields(name)[0])+"@agency.example", false)
		f.member(u, o, assessment.RoleCoordinator)
		res := f.api(coord, "POST", fmt.Sprintf("/api/v1/assessments/%d/contributions", assessmentID),
			map[string]any{"organisation_id": o.ID, "capabilities": caps, "due_date": due})
		if res.Status != http.StatusCreated {
			t.Fatalf("ask %s: %d %s", name, res.Status, res.Raw)
		}
		id := int64(res.Body["id"].(float64))
		tok := f.token(u)
		for _, k := range caps {
			for _, in := range f.fw.Capability(k).Indicators {
				v := "no"
				if in.Phase == 1 && in.Key != disputed {
					v = "yes"
				}
				r := f.api(tok, "PUT", fmt.Sprintf("/api/v1/contributions/%d/indicators/%s", id, in.Key), map[string]any{"answer": v, "evidence": name + " records", "version": 0})
				if r.Status != 200 {
					t.Fatalf("%s answers %s: %d %s", name, in.Key, r.Status, r.Raw)
				}
			}
		}
		if r := f.api(tok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", id), nil); r.Status != 200 {
			t.Fatalf("%s submits: %d %s", name, r.Status, r.Raw)
		}
		return id
	}
	police = ask("Police Child Exploitation Unit", []string{"law-enforcement"}, "")
	prosecutors = ask("Prosecution Service", []string{"law-enforcement"}, "law-enforcement-1")
	ask("Social Services Agency", []string{"end-to-end-support"}, "")
	return police, prosecutors
}

// step submits a workflow button of the review page as b and checks it.
func step(t *testing.T, b *browser, assessmentID int64, action, text string) {
	t.Helper()
	b.get(fmt.Sprintf("/assessments/%d/review", assessmentID))
	res, doc := b.post(fmt.Sprintf("/assessments/%d/transitions", assessmentID), url.Values{"action": {action}, "text": {text}})
	if res.StatusCode == http.StatusOK && doc.Find("#confirm-approve").Length() == 1 {
		// Approving with points still open asks first; the reviewer confirms.
		res, _ = b.post(fmt.Sprintf("/assessments/%d/transitions", assessmentID), formOf(doc, "#confirm-approve form"))
	}
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s: %d", action, res.StatusCode)
	}
}

// TestNationalCycleEndToEnd runs a national assessment through HTTP from
// three agencies' contributions and their consolidation, answers, review (a return and a resolved comment), approval and lock,
// then a second cycle carried forward with exactly two capabilities
// changed, and checks the progress view and the report of cycle 2.
func TestNationalCycleEndToEnd(t *testing.T) {
	f := newFixture(t)
	coord := f.token(f.coordinator)
	cycle1 := f.assess.ID

	// Three agencies contribute; police and prosecutors disagree on one
	// indicator, and the coordinator adopts the police's answer.
	police, prosecutors := f.contributions(t, coord, cycle1)
	cb := f.session(f.coordinator)
	page := fmt.Sprintf("/assessments/%d/consolidation/law-enforcement", cycle1)
	_, doc := cb.get(page)
	disputed := doc.Find(`section.consolidation-indicator[data-agreement="disagree"]`)
	if disputed.Length() != 1 || disputed.AttrOr("id", "") != "law-enforcement-1" {
		t.Fatalf("disagreements on law-enforcement: %d (%s)", disputed.Length(), disputed.AttrOr("id", ""))
	}
	adopt := disputed.Find(fmt.Sprintf(`tr[data-contribution="%d"] form`, police))
	form := url.Values{}
	adopt.Find("input").Each(func(_ int, in *goquery.Selection) { form.Set(in.AttrOr("name", ""), in.AttrOr("value", "")) })
	if res, _ := cb.post(adopt.AttrOr("action", ""), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("adopt the police answer: %d", res.StatusCode)
	}
	_, doc = cb.get(page)
	if got := text(doc.Find("#law-enforcement-1 .national-value")); got != "Yes" {
		t.Errorf("national answer after adoption = %q", got)
	}
	if doc.Find(fmt.Sprintf(`#law-enforcement-1 tr[data-contribution="%d"] .adopted`, police)).Length() != 1 || prosecutors == 0 {
		t.Error("the adopted answer does not show its provenance")
	}

	all := map[string]int{}
	for _, c := range f.fw.Capabilities() {
		all[c.Key] = 1
	}
	all["legislation"] = 3
	f.apiSetPhases(coord, cycle1, all)

	// Review: submitted, commented, returned, answered, resolved, approved.
	rb := f.session(f.reviewer)
	step(t, cb, cycle1, "submit", "")
	rb.get(fmt.Sprintf("/assessments/%d/capabilities/hotline", cycle1))
	res, _ := rb.post(fmt.Sprintf("/assessments/%d/comments", cycle1), url.Values{"capability": {"hotline"}, "body": {"Is the hotline's funding secured beyond 2026?"}, "return_to": {"capability"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("review comment: %d", res.StatusCode)
	}
	var commentID int64
	fmt.Sscanf(res.Header.Get("Location")[strings.Index(res.Header.Get("Location"), "#comment-")+len("#comment-"):], "%d", &commentID)
	step(t, rb, cycle1, "return", "Please answer the hotline question before approval.")
	_, doc = cb.get(fmt.Sprintf("/assessments/%d/review", cycle1))
	if got := text(doc.Find("#review-status")); got != "Draft" {
		t.Fatalf("after return the status reads %q", got)
	}
	if !strings.Contains(text(doc.Find("#comments-general")), "Please answer the hotline question") {
		t.Error("the return comment is not on the review page")
	}
	res, _ = cb.post(fmt.Sprintf("/assessments/%d/comments", cycle1), url.Values{"parent_id": {fmt.Sprint(commentID)}, "capability": {"hotline"}, "body": {"Yes: the 2026–2028 budget line is adopted."}, "return_to": {"review"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply: %d", res.StatusCode)
	}
	returnID, _ := doc.Find("#comments-general article.thread").Attr("data-comment")
	step(t, cb, cycle1, "submit", "")
	rb.get(fmt.Sprintf("/assessments/%d/review", cycle1))
	for _, id := range []string{fmt.Sprint(commentID), returnID} {
		if res, _ := rb.post("/comments/"+id+"/resolve", url.Values{"return_to": {"review"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("resolve %s: %d", id, res.StatusCode)
		}
	}
	step(t, rb, cycle1, "approve", "")
	_, doc = cb.get(fmt.Sprintf("/assessments/%d/review", cycle1))
	if got := text(doc.Find("#review-status")); got != "Approved" || !strings.Contains(text(doc.Find("#approved-by")), "by reviewer") || text(doc.Find("#open-comments")) != "0" {
		t.Fatalf("after approval: %q, %q, open %q", got, text(doc.Find("#approved-by")), text(doc.Find("#open-comments")))
	}
	key := f.fw.Capability("hotline").Indicators[0].Key
	if r := f.api(coord, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", cycle1, key), map[string]any{"answer": "no", "version": 1}); r.Status != http.StatusConflict {
		t.Fatalf("the approved cycle accepted a write: %d", r.Status)
	}

	// Cycle 2: carried forward; leadership moves up, legislation slips.
	cycle2 := f.nextCycle(cb, f.assess, "2027")
	_, doc = cb.get(fmt.Sprintf("/assessments/%d", cycle2))
	if doc.Find("#carried-total").Length() != 1 {
		t.Fatal("cycle 2 shows nothing carried forward")
	}
	f.apiSetPhases(coord, cycle2, map[string]int{"leadership": 3, "legislation": 2})
	cb.get(fmt.Sprintf("/assessments/%d/capabilities/hotline", cycle2))
	if res, _ := cb.post(fmt.Sprintf("/assessments/%d/capabilities/hotline/confirm", cycle2), url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm hotline: %d", res.StatusCode)
	}
	step(t, cb, cycle2, "submit", "")
	step(t, rb, cycle2, "approve", "")

	// The progress view shows exactly those two deltas.
	_, doc = f.session(f.viewer).get(fmt.Sprintf("/organisations/%d/progress", f.org.ID))
	if n := doc.Find("#cycles li").Length(); n != 2 {
		t.Errorf("cycles shown = %d, want 2", n)
	}
	assertProgress(t, doc)
	api := f.api(f.token(f.viewer), "GET", fmt.Sprintf("/api/v1/organisations/%d/progress", f.org.ID), nil)
	if !strings.Contains(string(api.Raw), `"moved_up":["leadership"],"slipped":["legislation"]`) {
		t.Errorf("API progress: %s", api.Raw)
	}

	// The report of cycle 2 shows the change since cycle 1.
	_, doc = f.session(f.viewer).get(fmt.Sprintf("/assessments/%d/report", cycle2))
	if got := text(doc.Find(`#moved-up li[data-capability="leadership"]`)); !strings.Contains(got, "1 → 3") {
		t.Errorf("report moved up = %q", got)
	}
	if got := text(doc.Find(`#slipped li[data-capability="legislation"]`)); !strings.Contains(got, "3 → 2") {
		t.Errorf("report slipped = %q", got)
	}
	if n := doc.Find(`#moved-up li[data-capability], #slipped li[data-capability]`).Length(); n != 2 {
		t.Errorf("report lists %d changes, want 2", n)
	}
	if got := text(doc.Find("#cover-approval")); !strings.Contains(got, "by reviewer") {
		t.Errorf("report cover approval = %q, want who approved", got)
	}

	// Every step left its audit entry.
	want := map[string]int{"assessment.status": 6, "comment.add": 2, "comment.resolve": 2, "cycle.start": 1, "answer.confirm": len(f.fw.Capability("hotline").Indicators)}
	for action, n := range want {
		if got := len(f.events(action)); got != n {
			t.Errorf("%s audit events = %d, want %d", action, got, n)
		}
	}
}

// assertProgress checks the progress page: leadership moved up 1 → 3,
// legislation slipped 3 → 2, every other capability unchanged.
func assertProgress(t *testing.T, doc *goquery.Document) {
	t.Helper()
	if got := text(doc.Find(`#moved-up li`)); got != "1. Leadership: 1 → 3" {
		t.Errorf("moved up = %q", got)
	}
	if got := text(doc.Find(`#slipped li`)); got != "3. Legislation: 3 → 2" {
		t.Errorf("slipped = %q", got)
	}
	doc.Find("table.progress-capabilities tr[data-capability]").Each(func(_ int, r *goquery.Selection) {
		key, _ := r.Attr("data-capability")
		dir, _ := r.Attr("data-direction")
		want := map[string]string{"leadership": "up", "legislation": "down"}[key]
		if want == "" {
			want = "same"
		}
		if dir != want {
			t.Errorf("%s direction = %q, want %q", key, dir, want)
		}
	})
	row := doc.Find(`tr[data-capability="leadership"]`)
	if got := text(row.Find(".direction")); got != "↑ moved up" {
		t.Errorf("leadership change cell = %q", got)
	}
	if label, _ := row.Find("svg.sparkline").Attr("aria-label"); !strings.Contains(label, "phase 3 (Established)") {
		t.Errorf("sparkline text alternative = %q", label)
	}
	if got := text(doc.Find(`tr[data-domain="policy-governance"] .direction`)); got != "↑ moved up" {
		t.Errorf("domain 1 change = %q (leadership +2, legislation −1)", got)
	}
}
