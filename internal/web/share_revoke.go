package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// shareRevoke withdraws consent from the sharing page; the partner loses
// access on its next request.
func (s *Server) shareRevoke(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanManageSharing, sharingRefusal)
	if err != nil {
		return err
	}
	id, err := paramID(c, "sid", "share")
	if err != nil {
		return err
	}
	sh, err := s.db.RevokeShare(c.Request().Context(), actor(c), org.ID, id)
	if err != nil {
		return err
	}
	flash(c, s.translator(c).T("ShareFlashRevoked", "Name", sh.PartnerName))
	return c.Redirect(http.StatusSeeOther, links.Sharing(org.ID))
}
