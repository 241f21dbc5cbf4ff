// Package policy holds every authorization decision as a plain function of
// who is asking (a Principal) and the object. HTML and API handlers call the
// same functions, so a rule changes in one place.
//
// Two outcomes matter: an object of another organisation is invisible
// (callers answer 404, never revealing it exists); a visible object the
// principal may not change is forbidden (403, with the reason).
package policy

import (
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Principal is the signed-in user with their memberships and, for
// contributors, the capabilities assigned to them per assessment.
type Principal struct {
	User        assessment.User
	Memberships []assessment.Membership
	// Assigned maps assessment id → capability keys assigned to the user.
	Assigned map[int64][]string
	// SharedWith holds the assessments other organisations share with one
	// of the principal's organisations (active shares only), for partners'
	// read access to those reports.
	SharedWith map[int64]bool
}

// Role returns the principal's role in an organisation.
func (p *Principal) Role(orgID int64) (assessment.Role, bool) {
	if p == nil {
		return "", false
	}
	for _, m := range p.Memberships {
		if m.OrganisationID == orgID {
			return m.Role, true
		}
	}
	return "", false
}

// OrganisationIDs lists the organisations the principal belongs to.
func (p *Principal) OrganisationIDs() []int64 {
	ids := []int64{}
	if p == nil {
		return ids
	}
	for _, m := range p.Memberships {
		ids = append(ids, m.OrganisationID)
	}
	return ids
}

func (p *Principal) hasRole(orgID int64, roles ...assessment.Role) bool {
	r, ok := p.Role(orgID)
	if !ok {
		return false
	}
	for _, want := range roles {
		if r == want {
			return true
		}
	}
	return false
}

func (p *Principal) admin() bool { return p != nil && p.User.Admin }

// CanListAllOrganisations: platform administrators manage organisations.
func CanListAllOrganisations(p *Principal) bool { return p.admin() }

// CanViewOrganisation: members see their organisation; administrators see
// every organisation's name and members, but not its assessments.
func CanViewOrganisation(p *Principal, orgID int64) bool {
	_, member := p.Role(orgID)
	return member || p.admin()
}

// CanCreateOrganisation: only platform administrators.
func CanCreateOrganisation(p *Principal) bool { return p.admin() }

// CanManageMembers: the organisation's owners. Platform administrators run
// the platform, not organisations: changing who belongs to one (and so who
// reads its data) is its owners' decision.
func CanManageMembers(p *Principal, orgID int64) bool {
	return p.hasRole(orgID, assessment.RoleOwner)
}

// CanViewActivity: owners and coordinators read the audit trail.
func CanViewActivity(p *Principal, orgID int64) bool {
	return p.hasRole(orgID, assessment.RoleOwner, assessment.RoleCoordinator)
}

// CanViewAssessment: any member of the assessment's organisation. Platform
// administrators are not members by default: they run the platform, they do
// not read countries' assessments.
func CanViewAssessment(p *Principal, a *assessment.Assessment) bool {
	_, ok := p.Role(a.OrganisationID)
	return ok
}

// CanCreateAssessment: owners and coordinators of the organisation.
func CanCreateAssessment(p *Principal, orgID int64) bool {
	return p.hasRole(orgID, assessment.RoleOwner, assessment.RoleCoordinator)
}

// CanAssign: owners and coordinators assign capabilities to contributors.
func CanAssign(p *Principal, a *assessment.Assessment) bool {
	return p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator)
}

// CanEditCapability: owners and coordinators edit every capability;
// contributors only those assigned to them; reviewers and viewers none.
func CanEditCapability(p *Principal, a *assessment.Assessment, capabilityKey string) bool {
	if p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator) {
		return true
	}
	if !p.hasRole(a.OrganisationID, assessment.RoleContributor) {
		return false
	}
	for _, k := range p.Assigned[a.ID] {
		if k == capabilityKey {
			return true
		}
	}
	return false
}

// EditRefusal is the 403 error saying why CanEditCapability said no. Each
// reason is a whole sentence, so pages can translate it (its format is the
// message id).
func EditRefusal(p *Principal, a *assessment.Assessment, capabilityKey string) *assessment.Error {
	r, _ := p.Role(a.OrganisationID)
	switch r {
	case assessment.RoleContributor:
		return assessment.Errorf(assessment.EFORBIDDEN, "This capability is not assigned to you. Ask your coordinator to assign it if you should answer it.")
	case assessment.RoleReviewer:
		return assessment.Errorf(assessment.EFORBIDDEN, "Your role in this organisation (reviewer) can read this assessment but not change it.")
	case assessment.RoleViewer:
		return assessment.Errorf(assessment.EFORBIDDEN, "Your role in this organisation (viewer) can read this assessment but not change it.")
	}
	return assessment.Errorf(assessment.EFORBIDDEN, "You may not change this assessment.")
}

// CanViewReport: any member of the organisation, viewers included, and
// members of a partner organisation the report is shared with.
func CanViewReport(p *Principal, a *assessment.Assessment) bool {
	return CanViewAssessment(p, a) || (p != nil && p.SharedWith[a.ID])
}

// CanViewMembers: the members page is for owners, and for platform
// administrators, who see every organisation's name and members.
func CanViewMembers(p *Principal, orgID int64) bool { return CanManageMembers(p, orgID) || p.admin() }

// CanInvite: owners invite; platform administrators reach the invitation
// form to invite an organisation's first owner (CanInviteAs decides whom).
func CanInvite(p *Principal, orgID int64) bool { return CanManageMembers(p, orgID) || p.admin() }

// CanInviteAs decides one invitation: owners invite anyone to any role; a
// platform administrator only the first owner of an organisation that has
// none, and never himself, so no administrator becomes a member of an
// organisation by his own decision.
func CanInviteAs(p *Principal, orgID int64, hasOwner bool, email string, role assessment.Role) bool {
	if CanManageMembers(p, orgID) {
		return true
	}
	return p.admin() && !hasOwner && role == assessment.RoleOwner && !strings.EqualFold(strings.TrimSpace(email), p.User.Email)
}

// CanViewUser: a user is visible to platform administrators and to those
// who share an organisation with them; to anyone else they do not exist.
func CanViewUser(p *Principal, target []assessment.Membership) bool {
	if p.admin() {
		return true
	}
	for _, m := range target {
		if _, ok := p.Role(m.OrganisationID); ok {
			return true
		}
	}
	return false
}

// CanResetPassword: only platform administrators have a password reset
// link sent to other people (an owner could otherwise take over a member's
// account, which may belong to other organisations too). The link goes to
// the user's mailbox only, never to the administrator's screen.
func CanResetPassword(p *Principal, target assessment.User) bool { return p.admin() }

// CanAcceptInvitation: an invitation joins the account with the invited
// email, so a forwarded link cannot bring in someone else.
func CanAcceptInvitation(p *Principal, invitedEmail string) bool {
	return p != nil && strings.EqualFold(p.User.Email, invitedEmail)
}

// CanBeAssigned: capabilities are assigned to contributors; owners and
// coordinators edit every capability anyway, reviewers and viewers none.
func CanBeAssigned(role assessment.Role) bool { return role == assessment.RoleContributor }

// IsAssigned reports whether a capability is assigned to the principal, for
// the "assigned to you" marker.
func IsAssigned(p *Principal, a *assessment.Assessment, capabilityKey string) bool {
	if p == nil {
		return false
	}
	for _, k := range p.Assigned[a.ID] {
		if k == capabilityKey {
			return true
		}
	}
	return false
}
