package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Organisations are those p may see: all for administrators, else p's own.
func (a *App) Organisations(ctx context.Context, p *policy.Principal) ([]assessment.Organisation, error) {
	var ids []int64
	if !policy.CanListAllOrganisations(p) {
		ids = p.OrganisationIDs()
	}
	return a.db.Organisations(ctx, ids)
}

// Assessments are those of p's organisations.
func (a *App) Assessments(ctx context.Context, p *policy.Principal) ([]assessment.Assessment, error) {
	return a.db.Assessments(ctx, p.OrganisationIDs())
}

// CreateOrganisation adds an organisation: administrators only.
func (a *App) CreateOrganisation(ctx context.Context, p *policy.Principal, by assessment.Actor, in assessment.OrganisationInput) (assessment.Organisation, error) {
	if !policy.CanCreateOrganisation(p) {
		return assessment.Organisation{}, assessment.Errorf(assessment.EFORBIDDEN, "only platform administrators can add organisations")
	}
	o, err := in.Validate()
	if err != nil {
		return o, err
	}
	return a.db.CreateOrganisation(ctx, by, o)
}

// CreateAssessment starts an assessment pinned to fw, the current framework
// version. Another organisation is "no such organisation" (422).
func (a *App) CreateAssessment(ctx context.Context, p *policy.Principal, by assessment.Actor, fw *framework.Framework, in assessment.AssessmentInput) (assessment.Assessment, error) {
	if in.OrganisationID > 0 && !policy.CanViewOrganisation(p, in.OrganisationID) {
		return assessment.Assessment{}, assessment.FieldError("organisation_id", "no such organisation")
	}
	as, err := in.Validate(fw)
	if err != nil {
		return as, err
	}
	if !policy.CanCreateAssessment(p, in.OrganisationID) {
		return as, assessment.Errorf(assessment.EFORBIDDEN, "You need the owner or coordinator role in this organisation to start an assessment.")
	}
	return a.db.CreateAssessment(ctx, by, fw, as)
}
