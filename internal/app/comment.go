package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Threads are the assessment's comments, arranged in threads.
func (a *App) Threads(ctx context.Context, assessmentID int64) ([]assessment.Comment, error) {
	list, err := a.db.Comments(ctx, assessmentID)
	if err != nil {
		return nil, err
	}
	return assessment.Threads(list), nil
}

// ResolveComment closes the thread of comment id: the comment of an
// assessment p cannot see is not found (404), one p may not resolve is
// forbidden (403); resolved or locked is a conflict (409).
func (a *App) ResolveComment(ctx context.Context, p *policy.Principal, by assessment.Actor, id int64) (assessment.Comment, error) {
	cm, err := a.db.Comment(ctx, id)
	if err != nil {
		return cm, err
	}
	as, err := a.db.Assessment(ctx, cm.AssessmentID)
	if err != nil {
		return cm, err
	}
	if !policy.CanViewAssessment(p, &as) {
		return cm, assessment.NotFound("comment")
	}
	if !policy.CanResolveComment(p, &as, cm) {
		return cm, assessment.Errorf(assessment.EFORBIDDEN, "Only reviewers, coordinators, owners and the comment's author may resolve it.")
	}
	return a.db.ResolveComment(ctx, by, id)
}
