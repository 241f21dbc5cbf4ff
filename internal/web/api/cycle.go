package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiCycleStart takes {"title", "period"} and answers 201 with the new
// draft as POST /api/v1/assessments does, its previous_id set.
func (s *handlers) apiCycleStart(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	var body struct {
		Title  string `json:"title"`
		Period string `json:"period"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	a, err := s.app.StartCycle(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), s.fw, d, body.Title, body.Period)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiAssessmentOf(a))
}
