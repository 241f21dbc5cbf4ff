package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Transition runs one workflow step on cur, for the review page and the
// API: input (422), role (403), then the store checks the order against the
// stored status (409) and writes status, comment, audit and the
// notifications of assessment.TransitionNotices together.
func (a *App) Transition(ctx context.Context, p *policy.Principal, by assessment.Actor, cur *assessment.Assessment, in assessment.TransitionInput) (assessment.Assessment, error) {
	t, err := in.Validate()
	if err != nil {
		return assessment.Assessment{}, err
	}
	if !policy.CanTransition(p, cur, t.Action) {
		return assessment.Assessment{}, policy.TransitionRefusal(t.Action)
	}
	return a.db.Transition(ctx, by, cur.ID, t.Action, in.Text, assessment.TransitionNotices)
}
