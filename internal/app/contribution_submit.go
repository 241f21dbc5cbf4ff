package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// SubmitContribution hands an agency's contribution to the national
// coordinators, for the page and the API: the agency's owners and
// coordinators only (403); the store refuses one with unanswered indicators
// or already submitted (409), and tells the national owners and
// coordinators (assessment.ContributionSubmittedNotices) in the same
// transaction.
func (a *App) SubmitContribution(ctx context.Context, p *policy.Principal, by assessment.Actor, c *assessment.Contribution) error {
	if !policy.CanSubmitContribution(p, c) {
		return policy.ContributionRefusal(p, c)
	}
	_, err := a.db.SubmitContribution(ctx, by, c.ID, assessment.ContributionSubmittedNotices)
	return err
}
