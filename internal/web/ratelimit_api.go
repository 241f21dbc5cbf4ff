package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// authenticateAPI identifies an API caller by bearer token only (never by
// cookie, so a browser cannot be tricked into API writes), within the API
// limits: requests per address and per token, reads and writes apart, and
// unknown tokens per address. The token is looked up first, then the
// counters are counted: the per-request ones in this process (batched),
// the unknown-token one in the database: an unknown token adds a hit to
// its address's counter, a known one only reads it. An
// address over the unknown-token limit is refused even with a good token,
// and guesses running at once each get their own place in that count, so
// guessing gains nothing from going on.
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
	_, pc, lookup := s.db.TokenPrincipal(r.Context(), hash)
	if lookup != nil && assessment.ErrorCode(lookup) != assessment.EUNAUTHORIZED {
		return lookup
	}
	bad := limitAPIBadToken.of(ip)
	if lookup == nil {
		bad = bad.peeked()
	}
	if _, err := s.rates.count(c, limits.address.of(ip), limits.account.of(hash), bad); err != nil {
		return err
	}
	if lookup != nil {
		return lookup // unknown, expired or revoked: the hit on bad stays
	}
	httpx.SetPrincipal(c, &policy.Principal{User: pc.User, Memberships: pc.Memberships, Assigned: pc.Assigned, SharedWith: pc.SharedWith})
	return nil
}
