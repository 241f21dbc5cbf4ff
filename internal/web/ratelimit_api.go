package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// authenticateAPI identifies an API caller by bearer token only (never by
// cookie, so a browser cannot be tricked into API writes), within the API
// limits: requests per address and per token, reads and writes apart, and
// unknown tokens per address. Everything is counted in one statement before
// the token is looked up; a known token's hit on the unknown-token counter
// is then refunded. An address over the unknown-token limit is refused even
// with a good token, so guessing gains nothing from going on.
func (s *Server) authenticateAPI(c echo.Context) error {
	r := c.Request()
	limits := limitsAPIWrite
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		limits = limitsAPIRead
	}
	ip := c.RealIP()
	tok, bearer := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !bearer {
		_, err := s.rates.count(c, limits.address.of(ip))
		return err // no principal: requireUser answers 401 where one is needed
	}
	hash := auth.HashToken(tok)
	bad := limitAPIBadToken.of(ip)
	att, err := s.rates.count(c, limits.address.of(ip), limits.account.of(hash), bad)
	if err != nil {
		return err
	}
	t, err := s.db.TokenByHash(r.Context(), hash)
	if err != nil {
		return err // unknown, expired or revoked: the hit on bad stays
	}
	att.refund(bad)
	return s.loadPrincipal(c, t.UserID)
}
