package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// planTarget is an assessment with what its action plan needs (app.PlanTarget).
type planTarget = app.PlanTarget

// loadPlanTarget reads the assessment of the :id parameter for a reader
// of its plan; anyone else gets "not found".
func (s *Server) loadPlanTarget(c echo.Context) (*planTarget, error) {
	id, err := paramID(c, "id", "assessment")
	if err != nil {
		return nil, err
	}
	t, err := s.app.PlanTarget(c.Request().Context(), principal(c), id)
	if err != nil {
		return nil, err
	}
	logOrganisation(c, t.Assessment.OrganisationID)
	return t, nil
}

// loadAction reads the action of the :id parameter with its assessment,
// for whoever may see it (plan readers, the responsible organisation).
func (s *Server) loadAction(c echo.Context) (*planTarget, assessment.PlanAction, error) {
	id, err := paramID(c, "id", "action")
	if err != nil {
		return nil, assessment.PlanAction{}, err
	}
	t, act, err := s.app.Action(c.Request().Context(), principal(c), id)
	if err != nil {
		return nil, act, err
	}
	logOrganisation(c, t.Assessment.OrganisationID)
	return t, act, nil
}
