package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

const ctxSession = "session"

var errForbiddenCSRF = assessment.Errorf(assessment.EFORBIDDEN,
	"This form has expired or did not come from this site, so it was not accepted. Go back, reload the page and submit it again; nothing was changed.")

var errUnauthorized = assessment.Errorf(assessment.EUNAUTHORIZED, "sign in to continue")

// authenticate identifies the caller: API requests by bearer token within
// the API's rate limits (authenticateAPI), HTML requests by the server-side
// session. It refuses only over-limit API calls and unknown tokens;
// requireUser refuses the rest.
func (s *Server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || r.URL.Path == "/metrics" {
			return next(c)
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			if err := s.authenticateAPI(c); err != nil {
				return err
			}
			return next(c)
		}
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			// Reads only: the session, the principal and the page cache
			// share one reading of the data version (store.WithVersionMemo).
			r = r.WithContext(store.WithVersionMemo(r.Context()))
			c.SetRequest(r)
		}
		sess, err := s.sessions.Get(r, auth.SessionName)
		if err != nil {
			return err
		}
		c.Set(ctxSession, sess)
		if uid, ok := sess.Values[auth.KeyUserID].(int64); ok && uid != 0 {
			if err := s.loadPrincipal(c, uid); err != nil {
				var de *assessment.Error
				if errors.As(err, &de) && de.Code == assessment.ENOTFOUND {
					return next(c) // user deleted: treat as signed out
				}
				return err
			}
			if err := s.sessions.Touch(r.Context(), r, sess); err != nil {
				return err
			}
		}
		return next(c)
	}
}

// loadPrincipal reads the user with memberships, assignments and shares
// for the policy: one store call, one statement while the store's cached
// principal is current.
func (s *Server) loadPrincipal(c echo.Context, userID int64) error {
	pc, err := s.db.Principal(c.Request().Context(), userID)
	if err != nil {
		return err
	}
	httpx.SetPrincipal(c, &policy.Principal{User: pc.User, Memberships: pc.Memberships, Assigned: pc.Assigned, SharedWith: pc.SharedWith})
	return nil
}

// requireUser answers 401 (API) or sends to sign-in (HTML) when nobody is
// signed in.
func requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if principal(c) == nil {
			return errUnauthorized
		}
		return next(c)
	}
}

// principal returns the signed-in user, or nil.
func principal(c echo.Context) *policy.Principal { return httpx.Principal(c) }

func session(c echo.Context) *sessions.Session {
	s, _ := c.Get(ctxSession).(*sessions.Session)
	return s
}

// actor is the principal as recorded on rows and in the audit trail.
func actor(c echo.Context) assessment.Actor { return httpx.Actor(c) }

func retryAfter(err error) string {
	var re *rateError
	if errors.As(err, &re) {
		return re.retryAfter
	}
	return "60"
}

// rateError is a rate-limit refusal carrying its Retry-After seconds.
type rateError struct {
	err        *assessment.Error
	retryAfter string
}

func (e *rateError) Error() string { return e.err.Error() }
func (e *rateError) Unwrap() error { return e.err }
