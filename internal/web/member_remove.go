package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// memberRemove takes someone out of the organisation, with the capabilities
// assigned to them there. The last owner cannot be removed (409).
func (s *Server) memberRemove(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanManageMembers, refuseMembers)
	if err != nil {
		return err
	}
	uid, err := paramID(c, "uid", "member")
	if err != nil {
		return err
	}
	if err := s.db.RemoveMembership(c.Request().Context(), actor(c), org.ID, uid); err != nil {
		if de, ok := assessment.AsError(err); ok && de.Code == assessment.ECONFLICT {
			return s.renderMembers(c, http.StatusConflict, de, membersData{Organisation: org, Form: assessment.InvitationInput{Role: string(assessment.RoleContributor)}})
		}
		return err
	}
	p := principal(c)
	if uid == p.User.ID && !policy.CanListAllOrganisations(p) {
		flash(c, s.translator(c).T("MembersFlashLeft", "Org", org.Name))
		return c.Redirect(http.StatusSeeOther, "/")
	}
	flash(c, s.translator(c).T("MembersFlashRemoved"))
	return c.Redirect(http.StatusSeeOther, links.Members(org.ID))
}
