package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// planTarget is an assessment with what its action plan needs (app.PlanTarget).
type planTarget = app.PlanTarget

// loadPlanTarget reads the assessment of :id for a reader of its plan
// (httpx.PlanTarget, shared with the API).
func (s *Server) loadPlanTarget(c echo.Context) (*planTarget, error) {
	return httpx.PlanTarget(c, s.app)
}

// loadAction reads the action of :id with its assessment (httpx.Action).
func (s *Server) loadAction(c echo.Context) (*planTarget, assessment.PlanAction, error) {
	return httpx.Action(c, s.app)
}
