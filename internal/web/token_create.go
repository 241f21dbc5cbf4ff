package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// Token limits: a name to recognise it by, and an expiry so a forgotten
// token stops working by itself.
const (
	maxTokenName = 100
	maxTokenDays = 365
)

// tokenCreate makes a personal access token and shows it once; only its hash
// is kept.
func (s *Server) tokenCreate(c echo.Context) error {
	p := principal(c)
	if err := s.allow(c, limitsToken, p.User.Email); err != nil {
		return err
	}
	f := tokenForm{Name: strings.TrimSpace(c.FormValue("name")), Days: strings.TrimSpace(c.FormValue("days"))}
	days, err := strconv.Atoi(f.Days)
	nameErr, _ := assessment.AsError(assessment.CheckLine("name", f.Name))
	switch {
	case f.Name == "":
		return s.renderTokens(c, http.StatusUnprocessableEntity, assessment.FieldError("name", "is required: say what the token is for"), tokensData{Form: f})
	case nameErr != nil:
		return s.renderTokens(c, http.StatusUnprocessableEntity, nameErr, tokensData{Form: f})
	case utf8.RuneCountInString(f.Name) > maxTokenName:
		return s.renderTokens(c, http.StatusUnprocessableEntity, assessment.FieldError("name", "is longer than %d characters", maxTokenName), tokensData{Form: f})
	case err != nil || days < 1 || days > maxTokenDays:
		return s.renderTokens(c, http.StatusUnprocessableEntity, assessment.FieldError("days", "must be a whole number of days from 1 to %d", maxTokenDays), tokensData{Form: f})
	}
	tok, hash := auth.NewToken()
	_, err = s.db.CreateToken(c.Request().Context(), actor(c), assessment.Token{UserID: p.User.ID, Name: f.Name, Hash: hash,
		ExpiresAt: s.cfg.Now().Add(time.Duration(days) * 24 * time.Hour)})
	if err != nil {
		return err
	}
	return s.renderTokens(c, http.StatusOK, nil, tokensData{Form: tokenForm{Days: "90"}, NewToken: tok, NewName: f.Name})
}
