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

// AddComment adds a comment or a reply to d, an assessment p may see, for
// pages and the API: validation (422), who may comment where (403), then
// the store refuses a locked assessment (409) and audits. A reply belongs
// to its thread's capability, whatever the client sent, so the policy
// decides on the capability the reply will be stored under.
func (a *App) AddComment(ctx context.Context, p *policy.Principal, by assessment.Actor, d *assessment.Detail, in assessment.CommentInput) (assessment.Comment, error) {
	if in.ParentID > 0 {
		parent, err := a.db.Comment(ctx, in.ParentID)
		if err != nil {
			return assessment.Comment{}, err
		}
		if parent.AssessmentID != d.Assessment.ID {
			return assessment.Comment{}, assessment.NotFound("comment")
		}
		in.CapabilityKey = parent.CapabilityKey
	}
	cm, err := in.Validate(&d.Assessment)
	if err != nil {
		return cm, err
	}
	if !policy.CanComment(p, &d.Assessment, cm.CapabilityKey) {
		return cm, assessment.Errorf(assessment.EFORBIDDEN,
			"Your role may read this assessment's comments but not add to them. Reviewers, coordinators and owners comment; contributors on the capabilities assigned to them.")
	}
	return a.db.AddComment(ctx, by, cm)
}
