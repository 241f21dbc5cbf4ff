package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiMarkingSave takes {"marking": "restricted", "previous_marking":
// "internal"} and answers the assessment with its new marking.
func (s *handlers) apiMarkingSave(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	var body struct {
		Marking  string `json:"marking"`
		Previous string `json:"previous_marking"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	a, err := s.app.SetMarking(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), d, assessment.MarkingInput{Marking: body.Marking, Previous: body.Previous})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiAssessmentOf(a))
}
