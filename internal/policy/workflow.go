package policy

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// CanTransition: the roles the workflow table names for the action, in the
// assessment's organisation (owners and coordinators submit and reopen,
// reviewers and owners approve and return).
func CanTransition(p *Principal, a *assessment.Assessment, action assessment.Action) bool {
	t, ok := assessment.TransitionFor(action)
	return ok && p.hasRole(a.OrganisationID, t.Roles...)
}

// TransitionRefusal explains, for a 403, why CanTransition said no. Each
// sentence is a whole message, so pages can show it translated; it names
// the roles of the action's row in assessment.Transitions (policy_test.go
// checks that they agree).
func TransitionRefusal(action assessment.Action) *assessment.Error {
	switch action {
	case assessment.ActionSubmit:
		return assessment.Errorf(assessment.EFORBIDDEN, "Only an organisation's owner or coordinator may submit an assessment.")
	case assessment.ActionApprove:
		return assessment.Errorf(assessment.EFORBIDDEN, "Only an organisation's reviewer or owner may approve an assessment.")
	case assessment.ActionReturn:
		return assessment.Errorf(assessment.EFORBIDDEN, "Only an organisation's reviewer or owner may return an assessment.")
	case assessment.ActionReopen:
		return assessment.Errorf(assessment.EFORBIDDEN, "Only an organisation's owner or coordinator may reopen an assessment.")
	}
	return assessment.Errorf(assessment.EFORBIDDEN, "That is not a step of the review workflow.")
}

// CanComment: reviewers, owners and coordinators comment anywhere in the
// assessment; contributors on the capabilities assigned to them; viewers
// read only.
func CanComment(p *Principal, a *assessment.Assessment, capabilityKey string) bool {
	if p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer) {
		return true
	}
	return capabilityKey != "" && p.hasRole(a.OrganisationID, assessment.RoleContributor) && IsAssigned(p, a, capabilityKey)
}

// CanResolveComment: whoever reviews or runs the assessment, and the
// comment's author.
func CanResolveComment(p *Principal, a *assessment.Assessment, c assessment.Comment) bool {
	if p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer) {
		return true
	}
	_, member := p.Role(a.OrganisationID)
	return member && c.UserID != 0 && c.UserID == p.User.ID
}

// CanStartCycle: owners and coordinators start the next cycle.
func CanStartCycle(p *Principal, a *assessment.Assessment) bool {
	return p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator)
}

// CanConfirmCarried: confirming a carried-forward answer is an edit.
func CanConfirmCarried(p *Principal, a *assessment.Assessment, capabilityKey string) bool {
	return CanEditCapability(p, a, capabilityKey)
}

// CanSetMarking: owners and coordinators decide how widely the report may
// circulate; contributors, reviewers and partners cannot.
func CanSetMarking(p *Principal, a *assessment.Assessment) bool {
	return p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator)
}
