package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// invitationRevoke withdraws a pending invitation, so its link stops working.
func (s *Server) invitationRevoke(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanInvite, refuseMembers)
	if err != nil {
		return err
	}
	id, err := paramID(c, "inv", "invitation")
	if err != nil {
		return err
	}
	if err := s.db.RevokeInvitation(c.Request().Context(), actor(c), org.ID, id); err != nil {
		return err
	}
	flash(c, s.translator(c).T("InviteFlashWithdrawn"))
	return c.Redirect(http.StatusSeeOther, links.Members(org.ID))
}
