package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

type resetData struct {
	Token string
	Email string
}

// passwordResetShow is the public page a reset link opens: choose a new
// password. Unknown links count against the address's limit.
func (s *Server) passwordResetShow(c echo.Context) error {
	d, err := s.loadReset(c)
	if err != nil {
		return err
	}
	return s.render(c, "password_reset", pageData{Title: s.translator(c).T("ResetChooseTitle"), Data: d})
}

// passwordResetSubmit sets the new password, ends every session of the
// account and signs this browser in with a fresh one.
func (s *Server) passwordResetSubmit(c echo.Context) error {
	d, err := s.loadReset(c)
	if err != nil {
		return err
	}
	if err := s.allow(c, limitsLinkUse, d.Email); err != nil {
		return err
	}
	pw := c.FormValue("password")
	if de := checkNewPassword(pw, c.FormValue("password_confirm"), "password"); de != nil {
		return s.renderStatus(c, http.StatusUnprocessableEntity, "password_reset", pageData{Title: s.translator(c).T("ResetChooseTitle"), Error: de, Data: d})
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	u, ch, err := s.db.ResetPassword(c.Request().Context(), anonymous(c), auth.HashToken(d.Token), hash)
	if err != nil {
		return err
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	// In the account's language (the next page is), saying how many API
	// tokens still work: whoever knew the old password may have made one.
	flash(c, httpx.TranslatorFor(c, s.i18n, u.Lang).T("SafetyPasswordReset", "Count", ch.TokensStillActive))
	return c.Redirect(http.StatusSeeOther, "/")
}

func (s *Server) loadReset(c echo.Context) (resetData, error) {
	att, err := s.rates.count(c, limitLinkGuess.of(c.RealIP()))
	if err != nil {
		return resetData{}, err
	}
	_, u, err := s.db.PendingPasswordReset(c.Request().Context(), auth.HashToken(c.Param("token")))
	if err != nil {
		return resetData{}, err
	}
	att.refund() // only unknown links count
	return resetData{Token: c.Param("token"), Email: u.Email}, nil
}
