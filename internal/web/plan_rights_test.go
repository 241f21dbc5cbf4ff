package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// After approval the content is locked but the status moves on: the
// responsible agency updates it (from "my tasks"), the coordinators are
// notified, and content changes are refused with 409.
func TestPlanAfterApproval(t *testing.T) {
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 1}, "Decree 7/2025")
	id := f.createAction(f.assess, f.actionBody("Adopt a national CSEA strategy"))
	f.approve(f.assess)
	tok := f.token(f.coordinator)
	body := with(f.actionBody("Adopt a national CSEA strategy"), "version", 1, "budget_amount", "125000.50")

	if res := f.api(tok, "PUT", fmt.Sprintf("/api/v1/actions/%d", id), with(body, "title", "A new title")); res.Status != 409 {
		t.Errorf("content change after approval: %d %s", res.Status, res.Raw)
	}
	if res := f.api(tok, "POST", fmt.Sprintf("/api/v1/assessments/%d/actions", f.assess.ID), f.actionBody("Another")); res.Status != 409 {
		t.Errorf("new action after approval: %d %s", res.Status, res.Raw)
	}
	if res := f.api(tok, "DELETE", fmt.Sprintf("/api/v1/actions/%d?version=1", id), nil); res.Status != 409 {
		t.Errorf("removal after approval: %d %s", res.Status, res.Raw)
	}
	res := f.api(tok, "PUT", fmt.Sprintf("/api/v1/actions/%d", id), with(body, "status", "in_progress", "status_note", "Drafting started."))
	if res.Status != 200 || res.str("status") != "in_progress" || res.Body["version"] != float64(2) {
		t.Fatalf("status after approval: %d %s", res.Status, res.Raw)
	}

	// The police, responsible, update from their home page.
	police := f.session(f.policeUser)
	_, home := police.get("/")
	li := home.Find(fmt.Sprintf("#task-action-%d", id))
	if li.Length() != 1 || !strings.Contains(li.Text(), "Adopt a national CSEA strategy") || li.Find("form.status-form").Length() != 1 {
		t.Fatalf("police's tasks: %q", home.Find("#tasks-actions").Text())
	}
	r, _ := police.post(fmt.Sprintf("/actions/%d/status", id), url.Values{"status": {"blocked"}, "status_note": {"Waiting for the budget law."},
		"version": {"2"}, "back": {"tasks"}})
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/#task-action-") {
		t.Fatalf("police's status update: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	act, err := f.db.Action(t.Context(), id)
	if err != nil || act.Status != assessment.ActionBlocked || act.StatusNote != "Waiting for the budget law." || act.Version != 3 {
		t.Fatalf("after the police's update: %+v %v", act, err)
	}
	// Anything but the status is refused to them (403), and a stale one is a 409.
	ptok := f.token(f.policeUser)
	if res := f.api(ptok, "PUT", fmt.Sprintf("/api/v1/actions/%d", id), with(body, "version", 3, "contact", "Someone else", "status", "blocked", "status_note", "Waiting for the budget law.")); res.Status != 403 {
		t.Errorf("police change the contact: %d %s", res.Status, res.Raw)
	}
	if res := f.api(ptok, "PUT", fmt.Sprintf("/api/v1/actions/%d", id), with(body, "version", 2, "status", "done")); res.Status != 409 {
		t.Errorf("police's stale status update: %d %s", res.Status, res.Raw)
	}
	ns, _ := f.db.Notifications(t.Context(), f.coordinator.ID, 50)
	found := false
	for _, n := range ns {
		found = found || (n.Kind == assessment.NotifyActionStatus && strings.Contains(n.Message, "Waiting") == false && strings.Contains(n.Message, "Blocked"))
	}
	if !found {
		t.Errorf("coordinator not notified of the police's update: %+v", ns)
	}
	audit, _ := f.db.Audit(t.Context(), storeAuditFilter(f.assess.ID, "action.status"))
	if len(audit) != 2 {
		t.Errorf("%d status events audited, want 2", len(audit))
	}
	h, _ := f.db.ActionUpdates(t.Context(), []int64{id})
	if len(h[id]) != 3 || h[id][2].Note != "Waiting for the budget law." {
		t.Errorf("history: %+v", h[id])
	}
}

// TestPlanRightsMatrix: owners and coordinators plan; the responsible
// agency reads its action and updates the status only; contributors,
// reviewers and viewers read; partners read with consent; others see
// nothing.
func TestPlanRightsMatrix(t *testing.T) {
	f := newPlanFixture(t)
	id := f.createAction(f.assess, f.actionBody("Train specialised investigators"))
	partnerOrg := f.app.org("Child Rights NGO", "CH")
	partner := f.user("partner@example.org", false)
	f.member(partner, partnerOrg, assessment.RoleOwner)
	if _, err := f.db.SetAcceptsPartnerRequests(t.Context(), assessment.System, partnerOrg.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.CreateShare(t.Context(), assessment.Actor{UserID: f.owner.ID, Name: "owner"}, f.org.ID, assessment.ShareInput{PartnerID: partnerOrg.ID}, assessment.ShareNotices); err != nil {
		t.Fatal(err)
	}
	list := fmt.Sprintf("/api/v1/assessments/%d/actions", f.assess.ID)
	one := fmt.Sprintf("/api/v1/actions/%d", id)
	for _, c := range []struct {
		who                string
		u                  assessment.User
		list, show, create int
	}{
		{"owner", f.owner, 200, 200, 201},
		{"coordinator", f.coordinator, 200, 200, 201},
		{"contributor", f.contributor, 200, 200, 403},
		{"reviewer", f.reviewer, 200, 200, 403},
		{"viewer", f.viewer, 200, 200, 403},
		{"responsible agency", f.policeUser, 404, 200, 404},
		{"partner (draft not shared)", partner, 404, 404, 404},
		{"other country", f.outsider, 404, 404, 404},
	} {
		tok := f.token(c.u)
		if res := f.api(tok, "GET", list, nil); res.Status != c.list {
			t.Errorf("%s lists: %d", c.who, res.Status)
		}
		if res := f.api(tok, "GET", one, nil); res.Status != c.show {
			t.Errorf("%s reads the action: %d", c.who, res.Status)
		}
		if res := f.api(tok, "POST", list, f.actionBody("By "+c.who)); res.Status != c.create {
			t.Errorf("%s creates: %d %s", c.who, res.Status, res.Raw)
		}
	}
	cur, _ := f.db.Action(t.Context(), id)
	status := with(f.actionBody("Train specialised investigators"), "version", cur.Version, "status", "in_progress", "budget_amount", "125000.50")
	for _, c := range []struct {
		who  string
		u    assessment.User
		want int
	}{{"viewer", f.viewer, 403}, {"contributor", f.contributor, 403}, {"other country", f.outsider, 404}} {
		if res := f.api(f.token(c.u), "PUT", one, status); res.Status != c.want {
			t.Errorf("%s updates the status: %d %s", c.who, res.Status, res.Raw)
		}
		if res := f.api(f.token(c.u), "DELETE", one+fmt.Sprintf("?version=%d", cur.Version), nil); res.Status != c.want {
			t.Errorf("%s removes: %d", c.who, res.Status)
		}
	}
	if res := f.api(f.token(f.policeUser), "PUT", one, status); res.Status != 200 {
		t.Errorf("responsible agency updates the status: %d %s", res.Status, res.Raw)
	}
	if res := f.api(f.token(f.policeUser), "DELETE", one+"?version=2", nil); res.Status != 403 {
		t.Errorf("responsible agency removes: %d", res.Status)
	}
	// Once approved, the share covers the assessment: the partner reads
	// the plan, and may change nothing.
	f.approve(f.assess)
	ptok := f.token(partner)
	res := f.api(ptok, "GET", list, nil)
	if acts, _ := res.Body["actions"].([]any); res.Status != 200 || len(acts) != 3 {
		t.Errorf("partner with consent lists: %d %s", res.Status, res.Raw)
	}
	if res := f.api(ptok, "PUT", one, with(status, "version", 2, "status", "done")); res.Status != 403 {
		t.Errorf("partner updates the status: %d", res.Status)
	}
}
