package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/view"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// invitationCreate makes a one-time invitation link and shows it once, to be
// passed on; with mail configured it is emailed too. Only its hash is kept.
func (s *Server) invitationCreate(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanInvite, refuseMembers)
	if err != nil {
		return err
	}
	p := principal(c)
	if err := s.allow(c, limitsInvite, p.User.Email); err != nil {
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
	if err := s.mayInviteAs(c, org.ID, in); err != nil {
		return err
	}
	secret, hash := newLink()
	inv := assessment.Invitation{OrganisationID: org.ID, Email: in.Email, Role: assessment.Role(in.Role), Hash: hash,
		InvitedBy: &p.User.ID, ExpiresAt: s.cfg.Now().Add(invitationTTL)}
	if _, err := s.db.CreateInvitation(c.Request().Context(), actor(c), inv); err != nil {
		if de, ok := assessment.AsError(err); ok && de.Code == assessment.EINVALID {
			return s.renderMembers(c, http.StatusUnprocessableEntity, de, d)
		}
		return err
	}
	link := s.absURL(c, links.Invitation(secret))
	d.NewLink, d.NewLinkEmail = link, in.Email
	if s.canMailLinks() {
		d.MailNote = s.mailInvitation(c, p, org, in, link)
	}
	d.Form = assessment.InvitationInput{Role: in.Role}
	return s.renderMembers(c, http.StatusOK, nil, d)
}

// mailInvitation mails the link, in the invited person's language when
// they already have an account, else in the language the inviter reads.
func (s *Server) mailInvitation(c echo.Context, p *policy.Principal, org assessment.Organisation, in assessment.InvitationInput, link string) string {
	lang := ""
	if u, err := s.db.UserByEmail(c.Request().Context(), in.Email); err == nil {
		lang = u.Lang
	}
	mt := httpx.TranslatorFor(c, s.i18n, lang)
	role := view.RoleName(mt, assessment.Role(in.Role))
	body := mt.T("InviteMailBody", "Inviter", p.User.Name, "Org", org.Name, "Role", role, "Link", link)
	return s.mailLink(c, in.Email, mt.T("InviteMailSubject", "Org", org.Name), body)
}

// refuseAdminInvite is the 403 for a platform administrator inviting
// anyone but an organisation's first owner (policy.CanInviteAs).
const refuseAdminInvite = "Platform administrators invite only the first owner of an organisation that has none, and never themselves. Its owners invite everyone else."

// mayInviteAs applies policy.CanInviteAs to a validated invitation.
func (s *Server) mayInviteAs(c echo.Context, orgID int64, in assessment.InvitationInput) error {
	ms, err := s.db.Members(c.Request().Context(), orgID)
	if err != nil {
		return err
	}
	hasOwner := false
	for _, m := range ms {
		hasOwner = hasOwner || m.Role == assessment.RoleOwner
	}
	if !policy.CanInviteAs(principal(c), orgID, hasOwner, in.Email, assessment.Role(in.Role)) {
		return &assessment.Error{Code: assessment.EFORBIDDEN, Message: refuseAdminInvite, Format: refuseAdminInvite}
	}
	return nil
}
