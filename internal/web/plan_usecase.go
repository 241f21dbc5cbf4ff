package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// The plan's handlers call the use cases in internal/app (plan_action.go)
// through these, which add the request's principal and actor.

func (s *Server) planCreate(c echo.Context, t *planTarget, in assessment.ActionInput) (assessment.PlanAction, error) {
	return s.app.CreateAction(c.Request().Context(), principal(c), actor(c), t, in)
}

func (s *Server) planEdit(c echo.Context, t *planTarget, cur assessment.PlanAction, in assessment.ActionInput) (assessment.PlanAction, error) {
	return s.app.EditAction(c.Request().Context(), principal(c), actor(c), t, cur, in)
}

func (s *Server) planStatus(c echo.Context, t *planTarget, cur assessment.PlanAction, in assessment.StatusInput) (assessment.PlanAction, error) {
	return s.app.SetActionStatus(c.Request().Context(), principal(c), actor(c), t, cur, in)
}

func (s *Server) planDelete(c echo.Context, t *planTarget, cur assessment.PlanAction, version int) error {
	return s.app.DeleteAction(c.Request().Context(), principal(c), actor(c), t, cur, version)
}
