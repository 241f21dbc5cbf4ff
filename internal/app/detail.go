package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// VisibleDetail reads an assessment whole with its pinned framework for p,
// who must pass visible (policy.CanViewAssessment, or a wider rule for
// pages others may read, such as a report shared with a partner); anyone
// else is told it does not exist.
func (a *App) VisibleDetail(ctx context.Context, p *policy.Principal, id int64, visible func(*policy.Principal, *assessment.Assessment) bool) (*assessment.Detail, error) {
	org, as, states, answers, err := a.db.AssessmentContent(ctx, id)
	if err != nil {
		return nil, err
	}
	if !visible(p, &as) {
		return nil, assessment.NotFound("assessment")
	}
	fw, err := framework.Get(as.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return assessment.NewDetail(fw, org, as, states, answers), nil
}
