package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// setMarking is the one path for changing a marking, from the report page
// and the API: input (422), policy (403), then the store's conditional
// write (409 when it changed meanwhile).
func (s *Server) setMarking(c echo.Context, d *assessment.Detail, in assessment.MarkingInput) (assessment.Assessment, error) {
	to, from, err := in.Validate()
	if err != nil {
		return assessment.Assessment{}, err
	}
	if !policy.CanSetMarking(principal(c), &d.Assessment) {
		return assessment.Assessment{}, assessment.Errorf(assessment.EFORBIDDEN, "Only the organisation's owners and coordinators can change the confidentiality marking.")
	}
	return s.db.SetMarking(c.Request().Context(), actor(c), d.Assessment.ID, from, to)
}

// markingSave takes the marking form of the report page. Bad input and a
// marking changed meanwhile come back on the report page, beside the field.
func (s *Server) markingSave(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	in := assessment.MarkingInput{Marking: c.FormValue("marking"), Previous: c.FormValue("previous_marking")}
	if _, err := s.setMarking(c, d, in); err != nil {
		if de, ok := assessment.AsError(err); ok && (de.Code == assessment.EINVALID || de.Code == assessment.ECONFLICT) {
			if de.Field == "" {
				de.Field = "marking"
			}
			return s.renderReport(c, statusOf[de.Code], de)
		}
		return err
	}
	flash(c, s.translator(c).T("DocMarkingSaved"))
	return c.Redirect(http.StatusSeeOther, links.Report(d.Assessment.ID))
}

// apiMarkingSave takes {"marking": "restricted", "previous_marking":
// "internal"} and answers the assessment with its new marking.
func (s *Server) apiMarkingSave(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	var body struct {
		Marking  string `json:"marking"`
		Previous string `json:"previous_marking"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	a, err := s.setMarking(c, d, assessment.MarkingInput{Marking: body.Marking, Previous: body.Previous})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiAssessmentOf(a))
}
