package httpx

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Organisation reads the organisation named by :id for a route guarded by
// allowed (app.Organisation).
func Organisation(c echo.Context, a *app.App, allowed func(*policy.Principal, int64) bool, refusal string) (assessment.Organisation, error) {
	id, err := ParamID(c, "id", "organisation")
	if err != nil {
		return assessment.Organisation{}, err
	}
	return a.Organisation(c.Request().Context(), Principal(c), id, allowed, refusal)
}
