package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiCycleStart takes {"title", "period"} and answers 201 with the new
// draft as POST /api/v1/assessments does, its previous_id set.
func (s *Server) apiCycleStart(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	var body struct {
		Title  string `json:"title"`
		Period string `json:"period"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	a, err := s.startCycle(c, d, body.Title, body.Period)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiAssessmentOf(a))
}
