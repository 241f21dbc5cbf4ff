package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// setMarking changes the marking (app.SetMarking).
func (s *Server) setMarking(c echo.Context, d *assessment.Detail, in assessment.MarkingInput) (assessment.Assessment, error) {
	return s.app.SetMarking(c.Request().Context(), principal(c), actor(c), d, in)
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
