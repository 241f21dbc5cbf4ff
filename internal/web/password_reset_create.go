package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

type resetLinkData struct {
	User      assessment.User
	ExpiresAt time.Time
	Sent      bool // the mail went out; the link itself is never shown
	Back      string
}

// refuseNoMail: without mail a reset link could only be shown to the
// administrator, who must never hold another person's link.
const refuseNoMail = "This server sends no mail, so it cannot send a password reset link to %s. The server's operator can print one with: mnr user reset-link -email ADDRESS"

// passwordResetCreate lets a platform administrator have a one-time link
// mailed to a user who cannot sign in. The link goes only to the user's
// mailbox: an administrator manages organisations, not people's accounts,
// so he never sees it (an operator can print one with the command line).
// Users the caller cannot see are "not found".
func (s *Server) passwordResetCreate(c echo.Context) error {
	u, err := s.resettableUser(c)
	if err != nil {
		return err
	}
	if !s.canMailLinks() {
		return assessment.Errorf(assessment.ECONFLICT, refuseNoMail, u.Email)
	}
	p := principal(c)
	if err := s.allow(c, limitsReset, p.User.Email); err != nil {
		return err
	}
	secret, hash := newLink()
	r, err := s.db.CreatePasswordReset(c.Request().Context(), actor(c), assessment.PasswordReset{UserID: u.ID, Hash: hash, CreatedBy: &p.User.ID, ExpiresAt: s.cfg.Now().Add(resetTTL)})
	if err != nil {
		return err
	}
	mt := httpx.TranslatorFor(c, s.i18n, u.Lang) // the mail is in the user's language
	link := s.absURL(c, links.PasswordReset(secret))
	d := resetLinkData{User: u, ExpiresAt: r.ExpiresAt, Back: safeNext(c.FormValue("back"))}
	d.Sent = s.sendLink(c, u.Email, mt.T("ResetLinkMailSubject"), mt.T("ResetLinkMailBody", "Link", link)) == nil
	status := http.StatusOK
	if !d.Sent {
		status = http.StatusBadGateway
	}
	return s.renderStatus(c, status, "password_reset_link", pageData{Title: s.translator(c).T("ResetLinkTitle", "Name", u.Name), Data: d})
}

// resettableUser is the user of :id whose password the caller may have
// reset; users the caller cannot see are "not found".
func (s *Server) resettableUser(c echo.Context) (assessment.User, error) {
	id, err := paramID(c, "id", "user")
	if err != nil {
		return assessment.User{}, err
	}
	ctx := c.Request().Context()
	u, err := s.db.User(ctx, id)
	if err != nil {
		return u, err
	}
	ms, err := s.db.Memberships(ctx, id)
	if err != nil {
		return u, err
	}
	p := principal(c)
	if !policy.CanViewUser(p, ms) {
		return u, assessment.NotFound("user")
	}
	if !policy.CanResetPassword(p, u) {
		return u, assessment.Errorf(assessment.EFORBIDDEN, "Only platform administrators can create password reset links. Ask one to send a link to %s.", u.Name)
	}
	return u, nil
}
