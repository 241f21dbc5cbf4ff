package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

const refuseMembers = "Only the organisation's owners can see and manage its members."

type membersData struct {
	Organisation assessment.Organisation
	Members      []memberView
	Invitations  []assessment.Invitation
	Form         assessment.InvitationInput
	NewLink      string // the invitation link just created, shown once
	NewLinkEmail string
	MailNote     string
	CanReset     bool // a reset link can be mailed to members (policy and mail)
	CanManage    bool // roles can be changed and members removed
}

type memberView struct {
	User  assessment.User
	Role  assessment.Role
	Since time.Time
}

// memberList is the members page: roles, removal, invitations.
func (s *Server) memberList(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanViewMembers, refuseMembers)
	if err != nil {
		return err
	}
	return s.renderMembers(c, http.StatusOK, nil, membersData{Organisation: org, Form: assessment.InvitationInput{Role: string(assessment.RoleContributor)}})
}

// renderMembers fills in the members and pending invitations around d, which
// carries the organisation, the invitation form and any new link.
func (s *Server) renderMembers(c echo.Context, status int, formErr *assessment.Error, d membersData) error {
	ctx := c.Request().Context()
	ms, err := s.db.Members(ctx, d.Organisation.ID)
	if err != nil {
		return err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.UserID
	}
	users, err := s.db.Users(ctx, ids)
	if err != nil {
		return err
	}
	for _, u := range users { // Users sorts by name
		for _, m := range ms {
			if m.UserID == u.ID {
				d.Members = append(d.Members, memberView{User: u, Role: m.Role, Since: m.CreatedAt})
			}
		}
	}
	if d.Invitations, err = s.db.Invitations(ctx, d.Organisation.ID); err != nil {
		return err
	}
	d.CanReset = policy.CanResetPassword(principal(c), assessment.User{}) && s.canMailLinks()
	d.CanManage = policy.CanManageMembers(principal(c), d.Organisation.ID)
	return s.renderStatus(c, status, "members", pageData{Title: s.translator(c).T("MembersTitle", "Name", d.Organisation.Name), Error: formErr, Data: d})
}
