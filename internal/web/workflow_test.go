package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// transitionAPI moves f.assess along the workflow as the token's user.
func transitionAPI(f *fixture, tok string, body map[string]any) apiResult {
	f.t.Helper()
	return f.api(tok, "POST", fmt.Sprintf("/api/v1/assessments/%d/transitions", f.assess.ID), body)
}

func notificationsOf(t *testing.T, f *fixture, userID int64, kind string) []assessment.Notification {
	t.Helper()
	list, err := f.db.Notifications(context.Background(), userID, 200)
	if err != nil {
		t.Fatal(err)
	}
	var out []assessment.Notification
	for _, n := range list {
		if n.Kind == kind {
			out = append(out, n)
		}
	}
	return out
}

func TestWorkflowOrderRolesAndAudit(t *testing.T) {
	f := newFixture(t)
	coord, rev, own, view := f.token(f.coordinator), f.token(f.reviewer), f.token(f.owner), f.token(f.viewer)

	// Out of order: a draft cannot be approved; the message says why.
	res := transitionAPI(f, rev, map[string]any{"action": "approve"})
	if res.Status != http.StatusConflict || !strings.Contains(res.str("error"), "only an assessment that is in review can be approved") {
		t.Fatalf("approve a draft: %d %s", res.Status, res.Raw)
	}
	if res := transitionAPI(f, rev, map[string]any{"action": "submit"}); res.Status != http.StatusForbidden {
		t.Errorf("reviewer submits: %d", res.Status)
	}
	if res := transitionAPI(f, view, map[string]any{"action": "approve"}); res.Status != http.StatusForbidden {
		t.Errorf("viewer approves: %d", res.Status)
	}
	if res := transitionAPI(f, coord, map[string]any{"action": "publish"}); res.Status != 422 || res.str("field") != "action" {
		t.Errorf("unknown action: %d %s", res.Status, res.Raw)
	}
	if res := transitionAPI(f, f.token(f.outsider), map[string]any{"action": "submit"}); res.Status != http.StatusNotFound {
		t.Errorf("outsider: %d", res.Status)
	}

	res = transitionAPI(f, coord, map[string]any{"action": "submit"})
	if res.Status != 200 || res.str("status") != "in_review" {
		t.Fatalf("submit: %d %s", res.Status, res.Raw)
	}
	if res := transitionAPI(f, coord, map[string]any{"action": "submit"}); res.Status != http.StatusConflict {
		t.Errorf("submit twice: %d", res.Status)
	}
	if n := notificationsOf(t, f, f.reviewer.ID, assessment.NotifySubmitted); len(n) != 1 || !strings.Contains(n[0].Message, "submitted") {
		t.Errorf("reviewer notifications: %+v", n)
	}
	if n := notificationsOf(t, f, f.coordinator.ID, assessment.NotifySubmitted); len(n) != 0 {
		t.Errorf("the submitter was notified of their own step: %+v", n)
	}

	// Return needs a comment, which becomes a general comment.
	if res := transitionAPI(f, rev, map[string]any{"action": "return"}); res.Status != 422 || res.str("field") != "comment" {
		t.Errorf("return without comment: %d %s", res.Status, res.Raw)
	}
	res = transitionAPI(f, rev, map[string]any{"action": "return", "comment": "Leadership evidence is thin."})
	if res.Status != 200 || res.str("status") != "draft" || res.Body["returned_at"] == nil {
		t.Fatalf("return: %d %s", res.Status, res.Raw)
	}
	if n := notificationsOf(t, f, f.coordinator.ID, assessment.NotifyReturned); len(n) != 1 {
		t.Errorf("coordinator not told of the return: %+v", n)
	}
	list := f.api(coord, "GET", fmt.Sprintf("/api/v1/assessments/%d/comments?capability=", f.assess.ID), nil)
	if !strings.Contains(string(list.Raw), `"kind":"return"`) || !strings.Contains(string(list.Raw), "Leadership evidence is thin.") {
		t.Errorf("return comment not listed: %s", list.Raw)
	}

	transitionAPI(f, coord, map[string]any{"action": "submit"})
	res = transitionAPI(f, own, map[string]any{"action": "approve"})
	if res.Status != 200 || res.str("status") != "approved" || res.str("approved_by_name") != "owner" {
		t.Fatalf("approve: %d %s", res.Status, res.Raw)
	}
	if n := notificationsOf(t, f, f.coordinator.ID, assessment.NotifyApproved); len(n) != 1 {
		t.Errorf("coordinator not told of the approval: %+v", n)
	}

	// Reopen: a reason is required and recorded.
	if res := transitionAPI(f, coord, map[string]any{"action": "reopen"}); res.Status != 422 || res.str("field") != "reason" {
		t.Errorf("reopen without reason: %d %s", res.Status, res.Raw)
	}
	if res := transitionAPI(f, rev, map[string]any{"action": "reopen", "reason": "x"}); res.Status != http.StatusForbidden {
		t.Errorf("reviewer reopens: %d", res.Status)
	}
	res = transitionAPI(f, coord, map[string]any{"action": "reopen", "reason": "The helpline law changed in March."})
	if res.Status != 200 || res.str("status") != "draft" || res.Body["approved_at"] != nil {
		t.Fatalf("reopen: %d %s", res.Status, res.Raw)
	}

	// Every step is one audit event with the status before and after.
	var steps []string
	ev := f.events("assessment.status")
	for i := len(ev) - 1; i >= 0; i-- {
		var before, after map[string]string
		_ = json.Unmarshal([]byte(ev[i].Before), &before)
		_ = json.Unmarshal([]byte(ev[i].After), &after)
		steps = append(steps, before["status"]+">"+after["status"])
		if after["action"] == "reopen" && after["reason"] != "The helpline law changed in March." {
			t.Errorf("reopen reason not audited: %s", ev[i].After)
		}
	}
	want := "draft>in_review in_review>draft draft>in_review in_review>approved approved>draft"
	if strings.Join(steps, " ") != want {
		t.Errorf("audited steps = %q, want %q", strings.Join(steps, " "), want)
	}
}

func TestLockedAssessmentRefusesEveryWrite(t *testing.T) {
	f := newFixture(t)
	coord := f.token(f.coordinator)
	transitionAPI(f, coord, map[string]any{"action": "submit"})
	transitionAPI(f, f.token(f.reviewer), map[string]any{"action": "approve"})
	base := fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID)
	key := f.fw.Capability("leadership").Indicators[0].Key
	for name, res := range map[string]apiResult{
		"answer":     f.api(coord, "PUT", base+"/indicators/"+key, map[string]any{"answer": "yes", "version": 0}),
		"capability": f.api(coord, "PUT", base+"/capabilities/leadership", map[string]any{"target_phase": 3, "version": 0}),
		"comment":    f.api(coord, "POST", base+"/comments", map[string]any{"capability": "leadership", "body": "late remark"}),
		"confirm":    f.api(coord, "POST", base+"/capabilities/leadership/confirm", map[string]any{}),
	} {
		if res.Status != http.StatusConflict || !strings.Contains(res.str("error"), "approved and locked") {
			t.Errorf("%s on an approved assessment: %d %s", name, res.Status, res.Raw)
		}
	}
	b := f.session(f.coordinator)
	res, doc := b.post(fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID), url.Values{"answer." + key: {"yes"}, "version." + key: {"0"}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(text(doc.Find(".error-message")), "approved and locked") {
		t.Errorf("form save on an approved assessment: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	_, doc = b.get(fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID))
	if doc.Find("form.comment-form").Length() != 0 || doc.Find("fieldset.plain[disabled]").Length() != 1 {
		t.Error("the locked capability page still offers to edit or comment")
	}
	_, doc = b.get(fmt.Sprintf("/assessments/%d", f.assess.ID))
	if got := text(doc.Find("#approved")); !strings.Contains(got, "by reviewer") {
		t.Errorf("overview approval = %q", got)
	}
}

func TestReviewPageAndCommentThreads(t *testing.T) {
	f := newFixture(t)
	rev := f.session(f.reviewer)
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	rev.get(page)
	res, _ := rev.post(fmt.Sprintf("/assessments/%d/comments", f.assess.ID),
		url.Values{"capability": {"leadership"}, "body": {"Which decree names the lead ministry?"}, "return_to": {"capability"}})
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), page+"#comment-") {
		t.Fatalf("comment: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := rev.post(fmt.Sprintf("/assessments/%d/comments", f.assess.ID), url.Values{"capability": {"leadership"}, "body": {"  "}, "return_to": {"capability"}}); res.StatusCode != 422 {
		t.Errorf("empty comment: %d", res.StatusCode)
	}
	var id int64
	fmt.Sscanf(res.Header.Get("Location")[len(page)+len("#comment-"):], "%d", &id)

	// The contributor (assigned leadership) replies; the viewer cannot.
	con := f.session(f.contributor)
	con.get(page)
	if res, _ := con.post(fmt.Sprintf("/assessments/%d/comments", f.assess.ID),
		url.Values{"capability": {"leadership"}, "parent_id": {fmt.Sprint(id)}, "body": {"Decree 12/2024."}, "return_to": {"capability"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply: %d", res.StatusCode)
	}
	vw := f.session(f.viewer)
	vw.get(page)
	if res, _ := vw.post(fmt.Sprintf("/assessments/%d/comments", f.assess.ID), url.Values{"capability": {"leadership"}, "body": {"hi"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("viewer comments: %d", res.StatusCode)
	}
	if res, _ := con.post(fmt.Sprintf("/comments/%d/resolve", id), url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("contributor resolves someone else's comment: %d", res.StatusCode)
	}
	if res := f.api(f.token(f.outsider), "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", id), nil); res.Status != http.StatusNotFound {
		t.Errorf("outsider resolves: %d", res.Status)
	}

	_, doc := rev.get(fmt.Sprintf("/assessments/%d/review", f.assess.ID))
	if got := text(doc.Find("#open-comments")); got != "1" {
		t.Errorf("open comments on the review page = %q", got)
	}
	thread := doc.Find(fmt.Sprintf(`[data-capability="leadership"] #comment-%d`, id))
	if thread.Find(".reply").Length() != 1 || !strings.Contains(text(thread.Find(".reply .comment-body")), "Decree 12/2024.") {
		t.Errorf("thread on the review page: %q", text(thread))
	}
	if doc.Find(`form.transition-form`).Length() != 0 {
		t.Error("a reviewer is offered a step on a draft")
	}

	rev.get(page)
	res, _ = rev.post(fmt.Sprintf("/comments/%d/resolve", id), url.Values{"return_to": {"capability"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("resolve: %d", res.StatusCode)
	}
	if res := f.api(f.token(f.reviewer), "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", id), nil); res.Status != http.StatusConflict {
		t.Errorf("resolve twice: %d", res.Status)
	}
	_, doc = rev.get(page)
	th := doc.Find(fmt.Sprintf("#comment-%d", id))
	if v, _ := th.Attr("data-resolved"); v != "true" || !strings.Contains(text(th.Find(".resolved-note")), "Resolved by reviewer") {
		t.Errorf("resolved thread on the capability page: %q", text(th))
	}
	add, resolve := f.lastEvent("comment.add"), f.lastEvent("comment.resolve")
	if add.AssessmentID != f.assess.ID || resolve.Object != fmt.Sprintf("comment %d", id) || resolve.Actor != "reviewer" {
		t.Errorf("audit: %+v %+v", add, resolve)
	}
}
