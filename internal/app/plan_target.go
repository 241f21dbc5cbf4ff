package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// PlanTarget is an assessment as its action plan needs it: the assessment,
// its organisation (whose country responsible organisations share) and its
// pinned framework.
type PlanTarget struct {
	Assessment   assessment.Assessment
	Organisation assessment.Organisation
	Framework    *framework.Framework
}

// Scope is what an action of the plan is checked against.
func (t *PlanTarget) Scope() assessment.ActionScope {
	return assessment.ActionScope{Assessment: &t.Assessment, Framework: t.Framework, Country: t.Organisation.Country}
}

// PlanTarget reads assessment id for a reader of its plan; for anyone else
// it does not exist.
func (a *App) PlanTarget(ctx context.Context, p *policy.Principal, id int64) (*PlanTarget, error) {
	t, err := a.planTarget(ctx, id)
	if err != nil {
		return nil, err
	}
	if !policy.CanViewPlan(p, &t.Assessment) {
		return nil, assessment.NotFound("assessment")
	}
	return t, nil
}

// Action reads an action with its assessment, for whoever may see it (plan
// readers, the responsible organisation's members).
func (a *App) Action(ctx context.Context, p *policy.Principal, id int64) (*PlanTarget, assessment.PlanAction, error) {
	act, err := a.db.Action(ctx, id)
	if err != nil {
		return nil, act, err
	}
	t, err := a.planTarget(ctx, act.AssessmentID)
	if err != nil {
		return nil, act, err
	}
	if !policy.CanViewAction(p, &t.Assessment, &act) {
		return nil, act, assessment.NotFound("action")
	}
	return t, act, nil
}

func (a *App) planTarget(ctx context.Context, id int64) (*PlanTarget, error) {
	as, err := a.db.Assessment(ctx, id)
	if err != nil {
		return nil, err
	}
	org, err := a.db.Organisation(ctx, as.OrganisationID)
	if err != nil {
		return nil, err
	}
	fw, err := framework.Get(as.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return &PlanTarget{Assessment: as, Organisation: org, Framework: fw}, nil
}
