package policy

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// Contributions: an agency answers part of another organisation's
// assessment. The agency's members see only their own contribution, never
// the assessment itself; the assessment's owners, coordinators and
// reviewers see every contribution to it. Everyone else is told nothing
// exists (404).

// CanInviteAgency: the assessment's owners and coordinators ask agencies.
func CanInviteAgency(p *Principal, a *assessment.Assessment) bool {
	return p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator)
}

// CanViewContributions: the assessment's owners, coordinators and reviewers
// read every contribution and the consolidation.
func CanViewContributions(p *Principal, a *assessment.Assessment) bool {
	return p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer)
}

// CanViewContribution: any member of the agency, or whoever reads the
// assessment's contributions.
func CanViewContribution(p *Principal, a *assessment.Assessment, c *assessment.Contribution) bool {
	_, member := p.Role(c.OrganisationID)
	return member || CanViewContributions(p, a)
}

// CanEditContribution: the agency's owners, coordinators and contributors
// answer its contribution; readers of it do not.
func CanEditContribution(p *Principal, c *assessment.Contribution) bool {
	return p.hasRole(c.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor)
}

// CanSubmitContribution: the agency's owners and coordinators hand it over,
// as coordinators submit their own organisation's work.
func CanSubmitContribution(p *Principal, c *assessment.Contribution) bool {
	return p.hasRole(c.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator)
}

// ContributionRefusal explains, for a 403, why the principal may not change
// a contribution they can see. Each reason is a whole sentence, so pages can
// translate it (its format is the message id; the role is a Term).
func ContributionRefusal(p *Principal, c *assessment.Contribution) *assessment.Error {
	r, member := p.Role(c.OrganisationID)
	switch {
	case !member:
		return assessment.Errorf(assessment.EFORBIDDEN, "Only members of %s answer its contribution; you can read it.", c.Agency.Name)
	case r == assessment.RoleContributor:
		return assessment.Errorf(assessment.EFORBIDDEN, "Your role in %s (contributor) answers the contribution; its owners and coordinators submit it.", c.Agency.Name)
	}
	return assessment.Errorf(assessment.EFORBIDDEN, "Your role in %s (%s) can read this contribution but not change it.", c.Agency.Name,
		assessment.Term{ID: "AcctRole_" + string(r), English: string(r)})
}

// CanConsolidate: the assessment's owners and coordinators adopt
// contributions' answers or decide the national answer.
func CanConsolidate(p *Principal, a *assessment.Assessment) bool {
	return p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator)
}
