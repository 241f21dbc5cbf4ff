package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// confirmCarried is the one path for confirming carried-forward answers
// unchanged: the given indicators of the capability in :key, or every
// carried one of it when none is given. Confirming is an edit (403 for
// those who may not edit; 409 when locked).
func (s *Server) confirmCarried(c echo.Context, d *assessment.Detail, keys []string) (int, error) {
	cd, err := capabilityIn(d, c.Param("key"))
	if err != nil {
		return 0, err
	}
	if err := mayEdit(c, d, cd.Capability.Key); err != nil {
		return 0, err
	}
	if err := assessment.CheckIDs("indicators", len(keys)); err != nil {
		return 0, err
	}
	confirm := keys
	if len(keys) == 0 {
		for _, in := range cd.Capability.Indicators {
			confirm = append(confirm, in.Key)
		}
	}
	for _, k := range confirm {
		if ind := d.Framework.Indicator(k); ind == nil || ind.Capability != cd.Capability {
			return 0, assessment.FieldError("indicators", "indicator %q is not part of capability %q", k, cd.Capability.Key)
		}
	}
	return s.db.ConfirmCarried(c.Request().Context(), actor(c), d.Assessment.ID, confirm)
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

// apiCarriedConfirm takes {"indicators": ["key", …]} (empty or absent: all
// carried-forward answers of the capability) and returns the capability.
func (s *Server) apiCarriedConfirm(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	var body struct {
		Indicators []string `json:"indicators"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	n, err := s.confirmCarried(c, d, body.Indicators)
	if err != nil {
		return err
	}
	d2, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"confirmed": n, "capability": apiCapabilityOf(d2.Capability(c.Param("key")))})
}
