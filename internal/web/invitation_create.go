package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// invitationCreate makes a one-time invitation link and shows it once, to be
// passed on; with mail configured it is emailed too. Only its hash is kept.
func (s *Server) invitationCreate(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanInvite, refuseMembers)
	if err != nil {
		return err
	}
	p := principal(c)
	if err := s.invites.allow(c, p.User.Email); err != nil {
		return err
	}
	in := assessment.InvitationInput{Email: c.FormValue("email"), Role: c.FormValue("role")}
	d := membersData{Organisation: org, Form: in}
	if err := in.Validate(); err != nil {
		if de, ok := assessment.AsError(err); ok {
			return s.renderMembers(c, http.StatusUnprocessableEntity, de, d)
		}
		return err
	}
	secret, hash := newLink()
	inv := store.Invitation{OrganisationID: org.ID, Email: in.Email, Role: assessment.Role(in.Role), Hash: hash,
		InvitedBy: &p.User.ID, ExpiresAt: s.cfg.Now().Add(invitationTTL)}
	if _, err := s.db.CreateInvitation(c.Request().Context(), actor(c), inv); err != nil {
		if de, ok := assessment.AsError(err); ok && de.Code == assessment.EINVALID {
			return s.renderMembers(c, http.StatusUnprocessableEntity, de, d)
		}
		return err
	}
	link := s.absURL(c, "/invitations/"+secret)
	body := fmt.Sprintf("%s invites you to join %s in MNR Self-Assessment as %s.\n\nOpen this link to accept; it works once and expires in 7 days:\n%s\n\nIf you did not expect this invitation, ignore this message.\n",
		p.User.Name, org.Name, in.Role, link)
	d.NewLink, d.NewLinkEmail = link, in.Email
	d.MailNote = s.mailLink(c.Request().Context(), in.Email, "Invitation to "+org.Name+" in MNR Self-Assessment", body)
	d.Form = assessment.InvitationInput{Role: in.Role}
	return s.renderMembers(c, http.StatusOK, nil, d)
}
