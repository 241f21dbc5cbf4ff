package web

import (
	"context"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// planTarget is an assessment as its action plan needs it: the assessment,
// its organisation (whose country responsible organisations share) and
// its pinned framework.
type planTarget struct {
	Assessment   assessment.Assessment
	Organisation assessment.Organisation
	Framework    *framework.Framework
}

func (t *planTarget) scope() assessment.ActionScope {
	return assessment.ActionScope{Assessment: &t.Assessment, Framework: t.Framework, Country: t.Organisation.Country}
}

// loadPlanTarget reads the assessment of the :id parameter for a reader
// of its plan; anyone else gets "not found".
func (s *Server) loadPlanTarget(c echo.Context) (*planTarget, error) {
	id, err := paramID(c, "id", "assessment")
	if err != nil {
		return nil, err
	}
	t, err := s.planTargetByID(c.Request().Context(), id)
	if err != nil {
		return nil, err
	}
	if !policy.CanViewPlan(principal(c), &t.Assessment) {
		return nil, assessment.NotFound("assessment")
	}
	logOrganisation(c, t.Assessment.OrganisationID)
	return t, nil
}

func (s *Server) planTargetByID(ctx context.Context, id int64) (*planTarget, error) {
	a, err := s.db.Assessment(ctx, id)
	if err != nil {
		return nil, err
	}
	org, err := s.db.Organisation(ctx, a.OrganisationID)
	if err != nil {
		return nil, err
	}
	fw, err := framework.Get(a.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return &planTarget{Assessment: a, Organisation: org, Framework: fw}, nil
}

// loadAction reads the action of the :id parameter with its assessment,
// for whoever may see it (plan readers, the responsible organisation).
func (s *Server) loadAction(c echo.Context) (*planTarget, assessment.PlanAction, error) {
	id, err := paramID(c, "id", "action")
	if err != nil {
		return nil, assessment.PlanAction{}, err
	}
	ctx := c.Request().Context()
	act, err := s.db.Action(ctx, id)
	if err != nil {
		return nil, act, err
	}
	t, err := s.planTargetByID(ctx, act.AssessmentID)
	if err != nil {
		return nil, act, err
	}
	if !policy.CanViewAction(principal(c), &t.Assessment, &act) {
		return nil, act, assessment.NotFound("action")
	}
	logOrganisation(c, t.Assessment.OrganisationID)
	return t, act, nil
}

// ownerOrganisation looks up the responsible organisation an input names;
// nil when it names none or one that does not exist.
func (s *Server) ownerOrganisation(ctx context.Context, in assessment.ActionInput) (*assessment.Organisation, error) {
	if in.OwnerOrganisationID == nil {
		return nil, nil
	}
	o, err := s.db.Organisation(ctx, *in.OwnerOrganisationID)
	if assessment.ErrorCode(err) == assessment.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &o, nil
}
