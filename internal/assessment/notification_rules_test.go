package assessment

import (
	"strings"
	"testing"
	"time"
)

func TestNotificationRules(t *testing.T) {
	by := Actor{UserID: 7, Name: "Amira"}
	a := Assessment{ID: 3, OrganisationID: 2, Title: "National", Period: "2026", Status: StatusInReview}
	if ns := TransitionNotices(by, a, ActionReopen); ns != nil {
		t.Errorf("reopen notifies %v", ns)
	}
	ns := TransitionNotices(by, a, ActionSubmit)
	if len(ns) != 1 || ns[0].Except != 7 || ns[0].OrganisationID != 2 || ns[0].Link != "/assessments/3/review" || ns[0].Kind != NotifySubmitted {
		t.Errorf("submit notices %+v", ns)
	}
	cur := PlanAction{ID: 9, Title: "Train", Status: ActionPlanned}
	next := cur
	next.Status = ActionInProgress
	if ns := ActionStatusNotices(by, a, cur, next); ns != nil {
		t.Errorf("an action of a plan not approved notifies %v", ns)
	}
	a.Status = StatusApproved
	if ns := ActionStatusNotices(by, a, cur, cur); ns != nil {
		t.Errorf("an unchanged status notifies %v", ns)
	}
	if ns := ActionStatusNotices(by, a, cur, next); len(ns) != 1 || ns[0].Link != "/assessments/3/plan#action-9" {
		t.Errorf("status notices %+v", ns)
	}
	due := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	c := Contribution{ID: 5, OrganisationID: 4, Agency: Organisation{Name: "Police"}, Capabilities: []string{"x"}, DueDate: &due}
	ns = ContributionAskedNotices(Organisation{Name: "Ministry"}, a, c)
	if m, ok := (Notification{Message: ns[0].Message}).ParseMessage(); !ok || m.ID != "NotifMsgContributionAskedDue" || m.Args["Due"] != "2026-05-01" {
		t.Errorf("asked message %q", ns[0].Message)
	}
	n := DueSoonNotice(a, c, 11, due.AddDate(0, 0, 2))
	if !strings.Contains(n.Message, "NotifMsgOverdue") || n.DedupeKey != "due_soon:contribution:5" || n.UserID != 11 {
		t.Errorf("due notice %+v", n)
	}
	ns = ContributionSubmittedNotices(Organisation{}, a, c)
	if len(ns) != 1 || ns[0].Kind != NotifySubmitted || ns[0].OrganisationID != a.OrganisationID || ns[0].Link != "/assessments/3/consolidation" || len(ns[0].Roles) != 2 {
		t.Errorf("submitted notices %+v", ns)
	}
	ns = ShareNotices(Organisation{Name: "Council", Country: "XD"}, Organisation{ID: 8, Name: "NGO"}, nil)
	if m, ok := (Notification{Message: ns[0].Message}).ParseMessage(); !ok || m.ID != "NotifMsgSharedAll" || ns[0].OrganisationID != 8 || ns[0].Roles != nil || ns[0].Link != "/partner" {
		t.Errorf("share notices %+v", ns)
	}
}
