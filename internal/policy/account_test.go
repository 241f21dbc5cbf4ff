package policy_test

import (
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

func member(id int64, email string, role assessment.Role, org int64) *policy.Principal {
	return &policy.Principal{User: assessment.User{ID: id, Email: email},
		Memberships: []assessment.Membership{{UserID: id, OrganisationID: org, Role: role}}}
}

func TestAccountAndMembershipRules(t *testing.T) {
	const org, other = 1, 2
	owner := member(1, "owner@example.org", assessment.RoleOwner, org)
	coord := member(2, "coord@example.org", assessment.RoleCoordinator, org)
	viewer := member(3, "viewer@example.org", assessment.RoleViewer, org)
	admin := &policy.Principal{User: assessment.User{ID: 4, Email: "admin@example.org", Admin: true}}
	stranger := member(5, "s@example.org", assessment.RoleOwner, other)
	var nobody *policy.Principal

	for _, c := range []struct {
		name string
		got  bool
		want bool
	}{
		{"owner views members", policy.CanViewMembers(owner, org), true},
		{"admin views members", policy.CanViewMembers(admin, org), true},
		{"coordinator views members", policy.CanViewMembers(coord, org), false},
		{"owner of another org views members", policy.CanViewMembers(stranger, org), false},
		{"owner invites", policy.CanInvite(owner, org), true},
		{"viewer invites", policy.CanInvite(viewer, org), false},
		{"nobody invites", policy.CanInvite(nobody, org), false},
		{"admin manages members", policy.CanManageMembers(admin, org), false},
		{"owner manages members", policy.CanManageMembers(owner, org), true},
		{"owner invites a viewer", policy.CanInviteAs(owner, org, true, "new@example.org", assessment.RoleViewer), true},
		{"admin invites the first owner", policy.CanInviteAs(admin, org, false, "minister@example.org", assessment.RoleOwner), true},
		{"admin invites a second owner", policy.CanInviteAs(admin, org, true, "minister@example.org", assessment.RoleOwner), false},
		{"admin invites a viewer", policy.CanInviteAs(admin, org, false, "minister@example.org", assessment.RoleViewer), false},
		{"admin invites himself", policy.CanInviteAs(admin, org, false, " Admin@Example.org", assessment.RoleOwner), false},
		{"coordinator invites", policy.CanInviteAs(coord, org, true, "new@example.org", assessment.RoleViewer), false},
		{"coordinator reads activity", policy.CanViewActivity(coord, org), true},
		{"viewer reads activity", policy.CanViewActivity(viewer, org), false},
		{"admin reads activity", policy.CanViewActivity(admin, org), false},
		{"admin resets passwords", policy.CanResetPassword(admin, viewer.User), true},
		{"owner resets passwords", policy.CanResetPassword(owner, viewer.User), false},
		{"colleague sees user", policy.CanViewUser(owner, viewer.Memberships), true},
		{"admin sees user", policy.CanViewUser(admin, viewer.Memberships), true},
		{"stranger sees user", policy.CanViewUser(stranger, viewer.Memberships), false},
		{"invited email accepts, any case", policy.CanAcceptInvitation(viewer, "Viewer@Example.org"), true},
		{"other email accepts", policy.CanAcceptInvitation(owner, "viewer@example.org"), false},
		{"nobody accepts", policy.CanAcceptInvitation(nobody, "viewer@example.org"), false},
		{"contributors are assignable", policy.CanBeAssigned(assessment.RoleContributor), true},
		{"reviewers are not", policy.CanBeAssigned(assessment.RoleReviewer), false},
	} {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	a := &assessment.Assessment{ID: 7, OrganisationID: org}
	contrib := member(6, "c@example.org", assessment.RoleContributor, org)
	contrib.Assigned = map[int64][]string{7: {"leadership"}}
	if !policy.IsAssigned(contrib, a, "leadership") || policy.IsAssigned(contrib, a, "legislation") || policy.IsAssigned(nobody, a, "leadership") {
		t.Error("IsAssigned")
	}
}
