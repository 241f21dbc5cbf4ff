package policy

import (
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// CanTransition: the roles the workflow table names for the action, in the
// assessment's organisation (owners and coordinators submit and reopen,
// reviewers and owners approve and return).
func CanTransition(p *Principal, a *assessment.Assessment, action assessment.Action) bool {
	t, ok := assessment.TransitionFor(action)
	return ok && p.hasRole(a.OrganisationID, t.Roles...)
}

// TransitionRefusal explains, for a 403, why CanTransition said no.
func TransitionRefusal(action assessment.Action) string {
	t, ok := assessment.TransitionFor(action)
	if !ok {
		return "That is not a step of the review workflow."
	}
	roles := make([]string, len(t.Roles))
	for i, r := range t.Roles {
		roles[i] = string(r)
	}
	return "Only an organisation's " + strings.Join(roles, " or ") + " may " + string(action) + " an assessment."
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
