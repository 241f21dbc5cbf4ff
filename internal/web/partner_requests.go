package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// partnerRequestsSet is POST /organisations/:id/sharing/partner-requests:
// the owners choose whether other organisations may share with theirs (and
// so notify its members). "accepts" is "true" or absent.
func (s *Server) partnerRequestsSet(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanManageSharing, sharingRefusal)
	if err != nil {
		return err
	}
	accepts := c.FormValue("accepts") == "true"
	if _, err := s.db.SetAcceptsPartnerRequests(c.Request().Context(), actor(c), org.ID, accepts); err != nil {
		return err
	}
	msg := "PartnersFlashRefused"
	if accepts {
		msg = "PartnersFlashAccepted"
	}
	flash(c, s.translator(c).T(msg))
	return c.Redirect(http.StatusSeeOther, links.Sharing(org.ID))
}
