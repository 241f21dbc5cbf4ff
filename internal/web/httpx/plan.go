package httpx

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// PlanTarget reads the assessment of the :id parameter for a reader of its
// plan (app.PlanTarget); anyone else gets "not found".
func PlanTarget(c echo.Context, a *app.App) (*app.PlanTarget, error) {
	id, err := ParamID(c, "id", "assessment")
	if err != nil {
		return nil, err
	}
	t, err := a.PlanTarget(c.Request().Context(), Principal(c), id)
	if err != nil {
		return nil, err
	}
	LogOrganisation(c, t.Assessment.OrganisationID)
	return t, nil
}

// Action reads the action of the :id parameter with its assessment, for
// whoever may see it (plan readers, the responsible organisation).
func Action(c echo.Context, a *app.App) (*app.PlanTarget, assessment.PlanAction, error) {
	id, err := ParamID(c, "id", "action")
	if err != nil {
		return nil, assessment.PlanAction{}, err
	}
	t, act, err := a.Action(c.Request().Context(), Principal(c), id)
	if err != nil {
		return nil, act, err
	}
	LogOrganisation(c, t.Assessment.OrganisationID)
	return t, act, nil
}
