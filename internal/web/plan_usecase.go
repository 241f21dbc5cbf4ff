package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// The plan's use cases, shared by the pages and the API: policy once, the
// domain's checks, one store call (which applies the approval rule again
// under the assessment's lock).

// planCreate adds an action to t's plan.
func (s *Server) planCreate(c echo.Context, t *planTarget, in assessment.ActionInput) (assessment.PlanAction, error) {
	p := principal(c)
	if !policy.CanManagePlan(p, &t.Assessment) {
		return assessment.PlanAction{}, policy.PlanRefusal(p, &t.Assessment, nil)
	}
	act, err := s.validateAction(c, t, in)
	if err != nil {
		return act, err
	}
	return s.db.CreateAction(c.Request().Context(), actor(c), act)
}

// planEdit saves the whole action. The responsible organisation may send
// it too, as long as only the status and status note differ.
func (s *Server) planEdit(c echo.Context, t *planTarget, cur assessment.PlanAction, in assessment.ActionInput) (assessment.PlanAction, error) {
	p := principal(c)
	if !policy.CanUpdateActionStatus(p, &t.Assessment, &cur) {
		return cur, policy.PlanRefusal(p, &t.Assessment, &cur)
	}
	next, err := s.validateAction(c, t, in)
	if err != nil {
		return next, err
	}
	next.ID = cur.ID
	if !policy.CanManagePlan(p, &t.Assessment) && assessment.ActionContentChanged(cur, next) {
		return cur, policy.PlanRefusal(p, &t.Assessment, &cur)
	}
	return s.db.UpdateAction(c.Request().Context(), actor(c), next)
}

// planStatus changes only the status and its note.
func (s *Server) planStatus(c echo.Context, t *planTarget, cur assessment.PlanAction, in assessment.StatusInput) (assessment.PlanAction, error) {
	p := principal(c)
	if !policy.CanUpdateActionStatus(p, &t.Assessment, &cur) {
		return cur, policy.PlanRefusal(p, &t.Assessment, &cur)
	}
	next, err := in.Apply(cur)
	if err != nil {
		return cur, err
	}
	return s.db.UpdateAction(c.Request().Context(), actor(c), next)
}

// planDelete removes an action at the version the caller read.
func (s *Server) planDelete(c echo.Context, t *planTarget, cur assessment.PlanAction, version int) error {
	p := principal(c)
	if !policy.CanManagePlan(p, &t.Assessment) {
		return policy.PlanRefusal(p, &t.Assessment, &cur)
	}
	return s.db.DeleteAction(c.Request().Context(), actor(c), cur.ID, version)
}

func (s *Server) validateAction(c echo.Context, t *planTarget, in assessment.ActionInput) (assessment.PlanAction, error) {
	owner, err := s.ownerOrganisation(c.Request().Context(), in)
	if err != nil {
		return assessment.PlanAction{}, err
	}
	return in.Validate(t.scope(), owner)
}
