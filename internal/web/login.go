package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
)

type loginData struct {
	Email   string
	Next    string
	Expired bool
	Notice  string
}

func (s *Server) loginShow(c echo.Context) error {
	if principal(c) != nil {
		return c.Redirect(http.StatusSeeOther, safeNext(c.QueryParam("next")))
	}
	expired := c.QueryParam("expired") == "1"
	if sess := session(c); sess != nil && !expired {
		expired, _ = sess.Values["expired"].(bool)
	}
	notice := ""
	if c.QueryParam("signedout") == "everywhere" {
		notice = s.translator(c).T("LoginSignedOutEverywhere")
	}
	return s.render(c, "login", pageData{Title: s.translator(c).T("LoginTitle"), Data: loginData{Next: safeNext(c.QueryParam("next")), Expired: expired, Notice: notice}})
}

// errBadLogin is deliberately vague: it must not reveal whether the email
// has an account.
var errBadLogin = assessment.FieldError("email", "The email or password is not correct.")

func (s *Server) loginSubmit(c echo.Context) error {
	ctx := c.Request().Context()
	email := strings.TrimSpace(c.FormValue("email"))
	pw := c.FormValue("password")
	next := safeNext(c.FormValue("next"))
	if err := assessment.CheckLine("email", email); err != nil {
		de, _ := assessment.AsError(err)
		return s.renderStatus(c, http.StatusUnprocessableEntity, "login", pageData{Title: s.translator(c).T("LoginTitle"), Error: de, Data: loginData{Next: next}})
	}
	// Counted before the password is checked, refunded when it is right:
	// however many guesses arrive at once, at most the limit are checked.
	att, err := s.signInAttempt(c, email)
	if err != nil {
		return err
	}
	u, err := s.db.UserByEmail(ctx, email)
	if err != nil && assessment.ErrorCode(err) != assessment.ENOTFOUND {
		return err
	}
	if err != nil || !auth.VerifyPassword(u.PasswordHash, pw) {
		if err != nil {
			auth.BurnTime(pw)
		}
		_ = s.db.AppendAudit(ctx, assessment.Actor{UserID: u.ID, Name: email, IP: c.RealIP()}, assessment.AuditEvent{Action: "auth.signin_failed", Object: "email " + email})
		return s.renderStatus(c, http.StatusUnauthorized, "login", pageData{Title: s.translator(c).T("LoginTitle"), Error: errBadLogin, Data: loginData{Email: email, Next: next}})
	}
	att.refund()
	s.upgradeHash(ctx, u, pw)
	if err := s.signIn(c, u); err != nil {
		return err
	}
	_ = s.db.AppendAudit(ctx, assessment.Actor{UserID: u.ID, Name: u.Name, IP: c.RealIP()}, assessment.AuditEvent{Action: "auth.signin", Object: "user " + u.Email})
	return c.Redirect(http.StatusSeeOther, next)
}

func (s *Server) logout(c echo.Context) error {
	sess := session(c)
	_ = s.db.AppendAudit(c.Request().Context(), actor(c), assessment.AuditEvent{Action: "auth.signout", Object: "user " + principal(c).User.Email})
	if sess != nil {
		sess.Options.MaxAge = -1
		if err := sess.Save(c.Request(), c.Response()); err != nil {
			return err
		}
	}
	// Answers queued by the autosave script stay on a shared computer no
	// longer than the session (the script also clears them).
	c.Response().Header().Set("Clear-Site-Data", `"storage"`)
	return c.Redirect(http.StatusSeeOther, "/login")
}
