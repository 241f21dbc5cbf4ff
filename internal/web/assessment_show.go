package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

type assessmentShowData struct {
	Detail  *assessment.Detail
	CanEdit bool
}

// assessmentShow is the overview: domains and capabilities with completion
// bars and the phases so far.
func (s *Server) assessmentShow(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	return s.render(c, "assessment_show", pageData{Title: d.Assessment.Title,
		Data: assessmentShowData{Detail: d, CanEdit: policy.CanCreateAssessment(principal(c), d.Assessment.OrganisationID)}})
}
