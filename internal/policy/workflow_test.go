package policy_test

import (
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

func withRole(orgID int64, r assessment.Role) *policy.Principal {
	return &policy.Principal{User: assessment.User{ID: 7}, Memberships: []assessment.Membership{{OrganisationID: orgID, Role: r}}}
}

func TestWhoMovesTheWorkflow(t *testing.T) {
	a := &assessment.Assessment{ID: 1, OrganisationID: 10}
	want := map[assessment.Action][]assessment.Role{
		assessment.ActionSubmit:  {assessment.RoleOwner, assessment.RoleCoordinator},
		assessment.ActionApprove: {assessment.RoleReviewer, assessment.RoleOwner},
		assessment.ActionReturn:  {assessment.RoleReviewer, assessment.RoleOwner},
		assessment.ActionReopen:  {assessment.RoleOwner, assessment.RoleCoordinator},
	}
	for action, roles := range want {
		allowed := map[assessment.Role]bool{}
		for _, r := range roles {
			allowed[r] = true
		}
		for _, r := range assessment.Roles {
			if got := policy.CanTransition(withRole(10, r), a, action); got != allowed[r] {
				t.Errorf("%s may %s: %v, want %v", r, action, got, allowed[r])
			}
			if policy.CanTransition(withRole(11, r), a, action) {
				t.Errorf("a %s of another organisation may %s", r, action)
			}
		}
	}
}

func TestPartnersReadSharedReportsOnly(t *testing.T) {
	a := &assessment.Assessment{ID: 5, OrganisationID: 10}
	partner := withRole(20, assessment.RoleViewer)
	if policy.CanViewReport(partner, a) || policy.CanViewAssessment(partner, a) {
		t.Fatal("a partner reads a report nobody shared")
	}
	partner.SharedWith = map[int64]bool{5: true}
	if !policy.CanViewReport(partner, a) {
		t.Error("a partner cannot read the shared report")
	}
	if policy.CanViewAssessment(partner, a) || policy.CanComment(partner, a, "") || policy.CanViewProgress(partner, 10) {
		t.Error("sharing a report opened the working assessment")
	}
	if policy.CanViewReport(nil, a) {
		t.Error("anonymous reads a report")
	}
}

func TestCommentingAndSharingRoles(t *testing.T) {
	a := &assessment.Assessment{ID: 5, OrganisationID: 10}
	contributor := withRole(10, assessment.RoleContributor)
	contributor.Assigned = map[int64][]string{5: {"leadership"}}
	if !policy.CanComment(contributor, a, "leadership") || policy.CanComment(contributor, a, "hotline") || policy.CanComment(contributor, a, "") {
		t.Error("contributors comment on their assigned capabilities only")
	}
	if policy.CanComment(withRole(10, assessment.RoleViewer), a, "leadership") {
		t.Error("a viewer comments")
	}
	mine := assessment.Comment{UserID: 7}
	if !policy.CanResolveComment(contributor, a, mine) || policy.CanResolveComment(contributor, a, assessment.Comment{UserID: 8}) {
		t.Error("a contributor resolves only their own comments")
	}
	for _, r := range assessment.Roles {
		if got := policy.CanManageSharing(withRole(10, r), 10); got != (r == assessment.RoleOwner) {
			t.Errorf("%s manages sharing: %v", r, got)
		}
	}
}

// TestTransitionRefusalNamesTheRoles: each refusal is a fixed sentence (so
// pages can translate it); it must name the roles of the workflow table.
func TestTransitionRefusalNamesTheRoles(t *testing.T) {
	for _, tr := range assessment.Transitions {
		roles := make([]string, len(tr.Roles))
		for i, r := range tr.Roles {
			roles[i] = string(r)
		}
		want := "Only an organisation's " + strings.Join(roles, " or ") + " may " + string(tr.Action) + " an assessment."
		if got := policy.TransitionRefusal(tr.Action); got.Message != want || got.Format != want || got.Code != assessment.EFORBIDDEN {
			t.Errorf("%s: refusal %+v, want %q", tr.Action, got, want)
		}
	}
	if got := policy.TransitionRefusal("publish"); got.Format != "That is not a step of the review workflow." {
		t.Errorf("unknown action: %+v", got)
	}
}
