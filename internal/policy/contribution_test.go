package policy_test

import (
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

func TestContributionRules(t *testing.T) {
	const national, agency, stranger = 10, 20, 30
	a := &assessment.Assessment{ID: 1, OrganisationID: national}
	c := &assessment.Contribution{ID: 2, AssessmentID: 1, OrganisationID: agency, Agency: assessment.Organisation{ID: agency, Name: "Police"}}
	type can struct{ view, edit, submit, invite, consolidate bool }
	rules := func(p *policy.Principal) can {
		return can{policy.CanViewContribution(p, a, c), policy.CanEditContribution(p, c), policy.CanSubmitContribution(p, c),
			policy.CanInviteAgency(p, a), policy.CanConsolidate(p, a)}
	}
	cases := []struct {
		org  int64
		role assessment.Role
		want can
	}{
		{national, assessment.RoleOwner, can{view: true, invite: true, consolidate: true}},
		{national, assessment.RoleCoordinator, can{view: true, invite: true, consolidate: true}},
		{national, assessment.RoleReviewer, can{view: true}},
		{national, assessment.RoleContributor, can{}},
		{national, assessment.RoleViewer, can{}},
		{agency, assessment.RoleCoordinator, can{view: true, edit: true, submit: true}},
		{agency, assessment.RoleContributor, can{view: true, edit: true}},
		{agency, assessment.RoleViewer, can{view: true}},
		{stranger, assessment.RoleOwner, can{}},
	}
	for _, tc := range cases {
		if got := rules(withRole(tc.org, tc.role)); got != tc.want {
			t.Errorf("%s of organisation %d: %+v, want %+v", tc.role, tc.org, got, tc.want)
		}
	}
	admin := &policy.Principal{User: assessment.User{ID: 1, Admin: true}}
	if rules(admin) != (can{}) {
		t.Error("a platform administrator reads or changes contributions")
	}
	if r := policy.ContributionRefusal(withRole(national, assessment.RoleCoordinator), c).Message; r == "" || r[:len("Only members of Police")] != "Only members of Police" {
		t.Errorf("refusal for the national coordinator: %q", r)
	}
}
