package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// actionEdit is the form to change an action, for its planners.
func (s *Server) actionEdit(c echo.Context) error {
	t, act, err := s.loadAction(c)
	if err != nil {
		return err
	}
	p := principal(c)
	if !policy.CanManagePlan(p, &t.Assessment) {
		return policy.PlanRefusal(p, &t.Assessment, &act)
	}
	return s.renderActionForm(c, http.StatusOK, t, formOfAction(act), nil)
}

// actionSave takes the edit form.
func (s *Server) actionSave(c echo.Context) error {
	t, cur, err := s.loadAction(c)
	if err != nil {
		return err
	}
	form, err := formValues(c)
	if err != nil {
		return err
	}
	in, f := actionFromForm(form)
	f.ID = int(cur.ID)
	if _, err := s.planEdit(c, t, cur, in); err != nil {
		return s.actionFormError(c, t, f, err)
	}
	flash(c, s.translator(c).T("PlanSaved"))
	return c.Redirect(http.StatusSeeOther, links.PlanAction(t.Assessment.ID, cur.ID))
}
