package httpx

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Detail reads the assessment of the :id parameter for whoever passes
// visible (app.VisibleDetail), and names its organisation in the log.
func Detail(c echo.Context, a *app.App, visible func(*policy.Principal, *assessment.Assessment) bool) (*assessment.Detail, error) {
	id, err := ParamID(c, "id", "assessment")
	if err != nil {
		return nil, err
	}
	d, err := a.VisibleDetail(c.Request().Context(), Principal(c), id, visible)
	if err != nil {
		return nil, err
	}
	LogOrganisation(c, d.Assessment.OrganisationID)
	return d, nil
}
