package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/links"
)

// actionCreate takes the new-action form; bad input comes back on the
// form with the message beside the field, nothing saved.
func (s *Server) actionCreate(c echo.Context) error {
	t, err := s.loadPlanTarget(c)
	if err != nil {
		return err
	}
	form, err := formValues(c)
	if err != nil {
		return err
	}
	in, f := actionFromForm(form)
	act, err := s.planCreate(c, t, in)
	if err != nil {
		return s.actionFormError(c, t, f, err)
	}
	flash(c, s.translator(c).T("PlanCreated"))
	return c.Redirect(http.StatusSeeOther, links.PlanAction(t.Assessment.ID, act.ID))
}
