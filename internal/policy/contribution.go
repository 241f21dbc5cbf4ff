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
// a contribution they can see.
func ContributionRefusal(p *Principal, c *assessment.Contribution) string {
	r, member := p.Role(c.OrganisationID)
	switch {
	case !member:
		return "Only members of " + c.Agency.Name + " answer its contribution; you can read it."
	case r == assessment.RoleContributor:
		return "Your role in " + c.Agency.Name + " (contributor) answers the contribution; its owners and coordinators submit it."
	}
	return "Your role in " + c.Agency.Name + " (" + string(r) + ") can read this contribution but not change it."
}

// CanConsolidate: the assessment's owners and coordinators adopt
// contributions' answers or decide the national answer.
func CanConsolidate(p *Principal, a *assessment.Assessment) bool {
	return p.hasRole(a.OrganisationID, assessment.RoleOwner, assessment.RoleCoordinator)
}
