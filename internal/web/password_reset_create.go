package web

import (
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

type resetLinkData struct {
	User      assessment.User
	Link      string
	ExpiresAt time.Time
	MailNote  string
	Back      string
}

// passwordResetCreate lets a platform administrator make a one-time link for
// a user who cannot sign in, shown once to be passed on (and mailed when
// mail is configured). Users the caller cannot see are "not found".
func (s *Server) passwordResetCreate(c echo.Context) error {
	id, err := paramID(c, "id", "user")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := s.db.User(ctx, id)
	if err != nil {
		return err
	}
	ms, err := s.db.Memberships(ctx, id)
	if err != nil {
		return err
	}
	p := principal(c)
	if !policy.CanViewUser(p, ms) {
		return assessment.NotFound("user")
	}
	if !policy.CanResetPassword(p, u) {
		return assessment.Errorf(assessment.EFORBIDDEN, "Only platform administrators can create password reset links. Ask one to send a link to %s.", u.Name)
	}
	if err := s.allow(c, limitsReset, p.User.Email); err != nil {
		return err
	}
	secret, hash := newLink()
	r, err := s.db.CreatePasswordReset(ctx, actor(c), store.PasswordReset{UserID: u.ID, Hash: hash, CreatedBy: &p.User.ID, ExpiresAt: s.cfg.Now().Add(resetTTL)})
	if err != nil {
		return err
	}
	link := s.absURL(c, "/password-reset/"+secret)
	d := resetLinkData{User: u, Link: link, ExpiresAt: r.ExpiresAt, Back: c.FormValue("back")}
	if s.canMailLinks() {
		mt := s.translatorFor(c, u.Lang) // the mail is in the user's language
		d.MailNote = s.mailLink(c, u.Email, mt.T("ResetLinkMailSubject"), mt.T("ResetLinkMailBody", "Link", link))
	}
	d.Back = safeNext(d.Back)
	return s.render(c, "password_reset_link", pageData{Title: s.translator(c).T("ResetLinkTitle", "Name", u.Name), Data: d})
}
