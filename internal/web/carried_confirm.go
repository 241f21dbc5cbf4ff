package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// confirmCarried confirms carried-forward answers of the capability in :key
// unchanged (app.ConfirmCarried).
func (s *Server) confirmCarried(c echo.Context, d *assessment.Detail, keys []string) (int, error) {
	return s.app.ConfirmCarried(c.Request().Context(), principal(c), actor(c), d, c.Param("key"), keys)
}

// carriedConfirm takes the Confirm buttons of the capability page: one
// indicator, or "Confirm all" for the capability.
func (s *Server) carriedConfirm(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	form, err := c.FormParams()
	if err != nil {
		return assessment.FieldError("form", "could not read the form")
	}
	n, err := s.confirmCarried(c, d, form["indicator"])
	if err != nil {
		return err
	}
	flash(c, s.translator(c).T("CapConfirmedFlash", "Count", n))
	return c.Redirect(http.StatusSeeOther, links.Capability(d.Assessment.ID, c.Param("key")))
}
