package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// createAssessment is shared by the HTML form and the API. New assessments
// pin the current framework version.
func (s *Server) createAssessment(c echo.Context, in assessment.AssessmentInput) (assessment.Assessment, error) {
	return s.app.CreateAssessment(c.Request().Context(), principal(c), actor(c), s.fw, in)
}

func (s *Server) assessmentCreate(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return assessment.FieldError("form", "could not read the form")
	}
	orgID, _ := strconv.ParseInt(form.Get("organisation_id"), 10, 64)
	national := form.Get("coverage") != "subset"
	in := assessment.AssessmentInput{OrganisationID: orgID, Title: form.Get("title"), Period: form.Get("period")}
	if !national {
		in.Scope = form["scope"]
		if len(in.Scope) == 0 {
			return s.renderAssessmentNew(c, http.StatusUnprocessableEntity, assessment.FieldError("scope", "choose at least one capability, or assess all 21"), in, national)
		}
	}
	a, err := s.createAssessment(c, in)
	if de, ok := assessment.AsError(err); ok && de.Code == assessment.EINVALID {
		return s.renderAssessmentNew(c, http.StatusUnprocessableEntity, de, in, national)
	}
	if err != nil {
		return err
	}
	flash(c, s.translator(c).T("NewStarted"))
	return c.Redirect(http.StatusSeeOther, links.Assessment(a.ID))
}

func paramQueryID(c echo.Context, name string) (int64, error) {
	return strconv.ParseInt(c.QueryParam(name), 10, 64)
}
