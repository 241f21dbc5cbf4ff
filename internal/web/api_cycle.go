package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiCycleStart takes {"title", "period"} and answers 201 with the new
// draft, flat like POST /api/v1/assessments, plus its previous_id.
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
	return c.JSON(http.StatusCreated, apiCycle{apiAssessment: apiAssessmentOf(a), PreviousID: a.PreviousID})
}

// apiCycle is an assessment with the cycle it continues.
type apiCycle struct {
	apiAssessment
	PreviousID *int64 `json:"previous_id"`
}
