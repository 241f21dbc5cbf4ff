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

// Organisation reads organisation id for a page or call guarded by allowed.
// Whoever may not see the organisation at all is told it does not exist
// (404); someone who sees it but lacks the right gets 403 with refusal,
// which is also its message id, so pages can show it translated.
func (a *App) Organisation(ctx context.Context, p *policy.Principal, id int64, allowed func(*policy.Principal, int64) bool, refusal string) (assessment.Organisation, error) {
	if !policy.CanViewOrganisation(p, id) {
		return assessment.Organisation{}, assessment.NotFound("organisation")
	}
	o, err := a.db.Organisation(ctx, id)
	if err != nil {
		return o, err
	}
	if !allowed(p, id) {
		return o, &assessment.Error{Code: assessment.EFORBIDDEN, Message: refusal, Format: refusal}
	}
	return o, nil
}
