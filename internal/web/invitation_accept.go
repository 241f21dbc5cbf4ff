package web

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/view"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// invitationAccept spends an invitation: the signed-in invited account joins
// the organisation; an invited email without an account gets one, signed
// in; an existing account must sign in first.
func (s *Server) invitationAccept(c echo.Context) error {
	d, err := s.loadInvitation(c)
	if err != nil {
		return err
	}
	if err := s.allow(c, limitsLinkUse, d.Invitation.Email); err != nil {
		return err
	}
	ctx := c.Request().Context()
	hash := auth.HashToken(d.Token)
	if p := principal(c); p != nil {
		return s.joinInvited(c, p, d, hash)
	}
	if d.HasAccount {
		return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(links.Invitation(d.Token)))
	}
	d.Form = assessment.ProfileInput{Name: c.FormValue("name"), Lang: c.FormValue("lang")}
	if err := d.Form.Validate(); err != nil {
		de, _ := assessment.AsError(err)
		return s.renderInvitation(c, http.StatusUnprocessableEntity, de, d)
	}
	if de := checkNewPassword(c.FormValue("password"), c.FormValue("password_confirm"), "password"); de != nil {
		return s.renderInvitation(c, http.StatusUnprocessableEntity, de, d)
	}
	pwHash, err := auth.HashPassword(c.FormValue("password"))
	if err != nil {
		return err
	}
	u, _, err := s.db.AcceptInvitation(ctx, anonymous(c), hash, &assessment.User{Name: d.Form.Name, Lang: d.Form.Lang, PasswordHash: pwHash})
	if err != nil {
		return err
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	tr := httpx.TranslatorFor(c, s.i18n, u.Lang) // the next page is in the language just chosen
	flash(c, tr.T("InviteFlashWelcome", "Org", d.Organisation.Name, "Role", view.RoleName(tr, d.Invitation.Role)))
	return c.Redirect(http.StatusSeeOther, "/")
}

// joinInvited: the signed-in account joins, if it is the one invited.
func (s *Server) joinInvited(c echo.Context, p *policy.Principal, d invitationData, hash string) error {
	if !policy.CanAcceptInvitation(p, d.Invitation.Email) {
		return assessment.Errorf(assessment.EFORBIDDEN, "This invitation is for %s. Sign out, then open the link again and sign in with that address.", d.Invitation.Email)
	}
	if _, _, err := s.db.AcceptInvitation(c.Request().Context(), actor(c), hash, nil); err != nil {
		return err
	}
	tr := s.translator(c)
	flash(c, tr.T("InviteFlashJoined", "Org", d.Organisation.Name, "Role", view.RoleName(tr, d.Invitation.Role)))
	return c.Redirect(http.StatusSeeOther, "/")
}
