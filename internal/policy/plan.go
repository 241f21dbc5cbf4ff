package policy

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// The action plan's rights: the assessment's owners and coordinators plan
// (create, edit, remove actions); members of an action's responsible
// organisation update its status and status note, and only that; whoever
// may read the report (members, partners with consent) reads the plan.

// CanViewPlan: whoever may read the assessment's report.
func CanViewPlan(p *Principal, a *assessment.Assessment) bool { return CanViewReport(p, a) }

// CanManagePlan: owners and coordinators create, edit and remove actions.
func CanManagePlan(p *Principal, a *assessment.Assessment) bool {
	return p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator)
}

// IsResponsible reports whether the principal acts for the action's
// responsible organisation (any role but viewer).
func IsResponsible(p *Principal, act *assessment.PlanAction) bool {
	return act.OwnerOrganisationID != nil && p.hasRole(*act.OwnerOrganisationID,
		assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor, assessment.RoleReviewer)
}

// CanViewAction: readers of the plan, and the responsible organisation's
// members (who may not otherwise see the assessment).
func CanViewAction(p *Principal, a *assessment.Assessment, act *assessment.PlanAction) bool {
	if CanViewPlan(p, a) {
		return true
	}
	_, member := p.Role(ownerOf(act))
	return member
}

// CanUpdateActionStatus: planners, and the responsible organisation.
func CanUpdateActionStatus(p *Principal, a *assessment.Assessment, act *assessment.PlanAction) bool {
	return CanManagePlan(p, a) || IsResponsible(p, act)
}

// PlanRefusal explains a 403 on the plan: status only for the responsible
// organisation, nothing for other readers.
func PlanRefusal(p *Principal, a *assessment.Assessment, act *assessment.PlanAction) *assessment.Error {
	if act != nil && IsResponsible(p, act) {
		return assessment.Errorf(assessment.EFORBIDDEN, "As the responsible organisation you may update this action's status and status note, and nothing else.")
	}
	return assessment.Errorf(assessment.EFORBIDDEN, "Only the assessment's owners and coordinators may plan actions.")
}

func ownerOf(act *assessment.PlanAction) int64 {
	if act == nil || act.OwnerOrganisationID == nil {
		return -1
	}
	return *act.OwnerOrganisationID
}

// CanEditActionFiles: who may update an action's status (its planners and
// the responsible organisation) may add and remove its files, before and
// after the assessment's approval: files are the evidence of implementation,
// which goes on after sign-off. Readers of the action download them.
func CanEditActionFiles(p *Principal, a *assessment.Assessment, act *assessment.PlanAction) bool {
	return CanUpdateActionStatus(p, a, act)
}

// ActionFilesRefusal is the 403 saying why CanEditActionFiles said no.
func ActionFilesRefusal() *assessment.Error {
	return assessment.Errorf(assessment.EFORBIDDEN, "Only the assessment's owners and coordinators and the action's responsible organisation may add or remove its files.")
}
