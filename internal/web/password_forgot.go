package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

type forgotData struct {
	CanMail bool
	Email   string
	Sent    bool
}

// passwordForgot offers a reset link by mail when mail is configured, and
// otherwise says to ask an administrator.
func (s *Server) passwordForgot(c echo.Context) error {
	return s.render(c, "password_forgot", pageData{Title: s.translator(c).T("ResetForgotTitle"), Data: forgotData{CanMail: s.canMailLinks()}})
}

// passwordForgotSubmit answers the same whether or not the email has an
// account, and mails in the background so timing does not tell either.
func (s *Server) passwordForgotSubmit(c echo.Context) error {
	d := forgotData{CanMail: s.canMailLinks(), Email: c.FormValue("email")}
	if !d.CanMail {
		return s.render(c, "password_forgot", pageData{Title: s.translator(c).T("ResetForgotTitle"), Data: d})
	}
	email, err := assessment.NormaliseEmail(d.Email)
	if err != nil {
		de, _ := assessment.AsError(err)
		return s.renderStatus(c, http.StatusUnprocessableEntity, "password_forgot", pageData{Title: s.translator(c).T("ResetForgotTitle"), Error: de, Data: d})
	}
	if err := s.allow(c, limitsReset, email); err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := s.db.UserByEmail(ctx, email)
	switch assessment.ErrorCode(err) {
	case "":
		secret, hash := newLink()
		if _, err := s.db.CreatePasswordReset(ctx, anonymous(c), assessment.PasswordReset{UserID: u.ID, Hash: hash, ExpiresAt: s.cfg.Now().Add(resetTTL)}); err != nil {
			return err
		}
		mt := httpx.TranslatorFor(c, s.i18n, u.Lang) // the mail is in the account's language
		subject, body := mt.T("ResetMailSubject"), mt.T("ResetMailBody", "Link", s.absURL(c, links.PasswordReset(secret)))
		go func() {
			mctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := s.cfg.Mailer.Send(mctx, u.Email, subject, body); err != nil {
				slog.Error("password reset mail not sent", "user", u.ID, "err", err)
			}
		}()
	case assessment.ENOTFOUND:
		slog.Info("password reset asked for an unknown email")
	default:
		return err
	}
	d.Sent = true
	return s.render(c, "password_forgot", pageData{Title: s.translator(c).T("ResetForgotTitle"), Data: d})
}
