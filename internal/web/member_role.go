package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// memberRole changes a member's role. The last owner keeps the owner role
// (409), so the organisation can always be managed.
func (s *Server) memberRole(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanManageMembers, refuseMembers)
	if err != nil {
		return err
	}
	uid, err := paramID(c, "uid", "member")
	if err != nil {
		return err
	}
	role := assessment.Role(c.FormValue("role"))
	if !role.Valid() {
		return assessment.FieldError("role", "choose one of the listed roles")
	}
	if err := s.db.SetRole(c.Request().Context(), actor(c), org.ID, uid, role); err != nil {
		if de, ok := assessment.AsError(err); ok && de.Code == assessment.ECONFLICT {
			return s.renderMembers(c, http.StatusConflict, de, membersData{Organisation: org, Form: assessment.InvitationInput{Role: string(assessment.RoleContributor)}})
		}
		return err
	}
	tr := s.translator(c)
	flash(c, tr.T("MembersFlashRoleChanged", "Role", view.RoleName(tr, role)))
	return c.Redirect(http.StatusSeeOther, links.Members(org.ID))
}
