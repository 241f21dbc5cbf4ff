package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// passwordChange needs the current password, so a borrowed session cannot
// lock the owner out; guesses count against the sign-in limits. The store
// ends every session of the user and spends their unused reset links (and
// revokes their API tokens when the box is ticked); this browser gets a new
// session.
func (s *Server) passwordChange(c echo.Context) error {
	p := principal(c)
	profile := assessment.ProfileInput{Name: p.User.Name, Lang: p.User.Lang}
	att, err := s.signInAttempt(c, p.User.Email)
	if err != nil {
		return err
	}
	cur, pw, confirm := c.FormValue("current_password"), c.FormValue("new_password"), c.FormValue("new_password_confirm")
	if !auth.VerifyPassword(p.User.PasswordHash, cur) {
		return s.renderAccount(c, http.StatusUnprocessableEntity, assessment.FieldError("current_password", "is not correct"), profile)
	}
	att.refund()
	if err := checkNewPassword(pw, confirm, "new_password"); err != nil {
		return s.renderAccount(c, http.StatusUnprocessableEntity, err, profile)
	}
	if pw == cur {
		return s.renderAccount(c, http.StatusUnprocessableEntity, assessment.FieldError("new_password", "must differ from the current password"), profile)
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	ch, err := s.db.SetPassword(c.Request().Context(), actor(c), p.User.ID, hash, c.FormValue("revoke_tokens") == "1")
	if err != nil {
		return err
	}
	if err := s.signIn(c, p.User); err != nil {
		return err
	}
	tr := s.translator(c)
	if ch.TokensRevoked > 0 {
		flash(c, tr.T("SafetyPasswordChangedRevoked", "Count", ch.TokensRevoked))
	} else {
		flash(c, tr.T("SafetyPasswordChanged", "Count", ch.TokensStillActive))
	}
	return c.Redirect(http.StatusSeeOther, "/account")
}

// checkNewPassword applies the strength rules and the confirmation, naming
// field (and field+"_confirm") in the error.
func checkNewPassword(pw, confirm, field string) *assessment.Error {
	if err := auth.CheckPasswordStrength(pw); err != nil {
		de, _ := assessment.AsError(err)
		return &assessment.Error{Code: de.Code, Field: field, Message: de.Message, Format: de.Format, Args: de.Args}
	}
	if pw != confirm {
		return assessment.FieldError(field+"_confirm", "does not match the new password")
	}
	return nil
}
