package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// SetMarking changes d's confidentiality marking, from the report page and
// the API: input (422), policy (403), then the store's conditional write
// (409 when it changed meanwhile).
func (a *App) SetMarking(ctx context.Context, p *policy.Principal, by assessment.Actor, d *assessment.Detail, in assessment.MarkingInput) (assessment.Assessment, error) {
	to, from, err := in.Validate()
	if err != nil {
		return assessment.Assessment{}, err
	}
	if !policy.CanSetMarking(p, &d.Assessment) {
		return assessment.Assessment{}, assessment.Errorf(assessment.EFORBIDDEN, "Only the organisation's owners and coordinators can change the confidentiality marking.")
	}
	return a.db.SetMarking(ctx, by, d.Assessment.ID, from, to)
}
