package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

type tokensData struct {
	Tokens   []tokenView
	Form     tokenForm
	NewToken string // shown once, right after creation
	NewName  string
}

type tokenForm struct {
	Name string
	Days string
}

type tokenView struct {
	assessment.Token
	State string // active, expired or revoked
}

// tokenList shows the personal access tokens for the API.
func (s *Server) tokenList(c echo.Context) error {
	return s.renderTokens(c, http.StatusOK, nil, tokensData{Form: tokenForm{Days: "90"}})
}

func (s *Server) renderTokens(c echo.Context, status int, formErr *assessment.Error, d tokensData) error {
	list, err := s.db.Tokens(c.Request().Context(), principal(c).User.ID)
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	for _, t := range list {
		v := tokenView{Token: t, State: "active"}
		switch {
		case t.RevokedAt != nil:
			v.State = "revoked"
		case !t.ExpiresAt.After(now):
			v.State = "expired"
		}
		d.Tokens = append(d.Tokens, v)
	}
	return s.renderStatus(c, status, "account_tokens", pageData{Title: s.translator(c).T("AcctTokensTitle"), Error: formErr, Data: d})
}
