package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// The action plan's use cases, shared by the pages and the API: policy
// once, the domain's checks, one store call (which applies the approval
// rule again under the assessment's lock).

// CreateAction adds an action to t's plan.
func (a *App) CreateAction(ctx context.Context, p *policy.Principal, by assessment.Actor, t *PlanTarget, in assessment.ActionInput) (assessment.PlanAction, error) {
	if !policy.CanManagePlan(p, &t.Assessment) {
		return assessment.PlanAction{}, policy.PlanRefusal(p, &t.Assessment, nil)
	}
	act, err := a.validateAction(ctx, t, in)
	if err != nil {
		return act, err
	}
	return a.db.CreateAction(ctx, by, act)
}

// EditAction saves the whole action. The responsible organisation may send
// it too, as long as only the status and status note differ.
func (a *App) EditAction(ctx context.Context, p *policy.Principal, by assessment.Actor, t *PlanTarget, cur assessment.PlanAction, in assessment.ActionInput) (assessment.PlanAction, error) {
	if !policy.CanUpdateActionStatus(p, &t.Assessment, &cur) {
		return cur, policy.PlanRefusal(p, &t.Assessment, &cur)
	}
	next, err := a.validateAction(ctx, t, in)
	if err != nil {
		return next, err
	}
	next.ID = cur.ID
	if !policy.CanManagePlan(p, &t.Assessment) && assessment.ActionContentChanged(cur, next) {
		return cur, policy.PlanRefusal(p, &t.Assessment, &cur)
	}
	return a.db.UpdateAction(ctx, by, next, assessment.ActionStatusNotices)
}

// SetActionStatus changes only the status and its note.
func (a *App) SetActionStatus(ctx context.Context, p *policy.Principal, by assessment.Actor, t *PlanTarget, cur assessment.PlanAction, in assessment.StatusInput) (assessment.PlanAction, error) {
	if !policy.CanUpdateActionStatus(p, &t.Assessment, &cur) {
		return cur, policy.PlanRefusal(p, &t.Assessment, &cur)
	}
	next, err := in.Apply(cur)
	if err != nil {
		return cur, err
	}
	return a.db.UpdateAction(ctx, by, next, assessment.ActionStatusNotices)
}

// MayManagePlan refuses (403) whoever may not create, edit or remove actions.
func MayManagePlan(p *policy.Principal, t *PlanTarget, cur *assessment.PlanAction) error {
	if !policy.CanManagePlan(p, &t.Assessment) {
		return policy.PlanRefusal(p, &t.Assessment, cur)
	}
	return nil
}

// DeleteAction removes an action at the version the caller read.
func (a *App) DeleteAction(ctx context.Context, p *policy.Principal, by assessment.Actor, t *PlanTarget, cur assessment.PlanAction, version int) error {
	if err := MayManagePlan(p, t, &cur); err != nil {
		return err
	}
	return a.db.DeleteAction(ctx, by, cur.ID, version)
}

// validateAction looks up the responsible organisation the input names and
// checks the input against the assessment.
func (a *App) validateAction(ctx context.Context, t *PlanTarget, in assessment.ActionInput) (assessment.PlanAction, error) {
	var owner *assessment.Organisation
	if in.OwnerOrganisationID != nil {
		o, err := a.db.Organisation(ctx, *in.OwnerOrganisationID)
		switch {
		case err == nil:
			owner = &o
		case assessment.ErrorCode(err) != assessment.ENOTFOUND:
			return assessment.PlanAction{}, err
		}
	}
	return in.Validate(t.Scope(), owner)
}
