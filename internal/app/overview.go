package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Overview reads an assessment for its overview page, hidden from whoever
// may not see it: the states and each answer's value, provenance and
// carried-forward flag, enough for completion, suggested phases and the
// open work; the answers' texts are not read (their Evidence, Links and
// Note are empty).
func (a *App) Overview(ctx context.Context, p *policy.Principal, id int64) (*assessment.Detail, error) {
	org, as, states, answers, err := a.db.AssessmentSummary(ctx, id)
	if err != nil {
		return nil, err
	}
	if !policy.CanViewAssessment(p, &as) {
		return nil, assessment.NotFound("assessment")
	}
	fw, err := framework.Get(as.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return assessment.NewDetail(fw, org, as, states, answers), nil
}
