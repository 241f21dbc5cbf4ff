package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

type sessionView struct {
	store.SessionRecord
	Current bool
}

// sessionList shows where the account is signed in, so a user can spot a
// session they do not recognise and end them all.
func (s *Server) sessionList(c echo.Context) error {
	recs, err := s.db.UserSessions(c.Request().Context(), principal(c).User.ID)
	if err != nil {
		return err
	}
	current := ""
	if sess := session(c); sess != nil && sess.ID != "" {
		current = auth.HashToken(sess.ID)
	}
	views := make([]sessionView, len(recs))
	for i, r := range recs {
		views[i] = sessionView{SessionRecord: r, Current: r.ID == current}
	}
	return s.render(c, "account_sessions", pageData{Title: "Your sessions", Data: views})
}

// sessionEndAll signs the account out everywhere, this browser included.
func (s *Server) sessionEndAll(c echo.Context) error {
	if err := s.db.EndUserSessions(c.Request().Context(), actor(c), principal(c).User.ID); err != nil {
		return err
	}
	if sess := session(c); sess != nil {
		sess.ID = "" // its row is gone already
		sess.Options.MaxAge = -1
		if err := sess.Save(c.Request(), c.Response()); err != nil {
			return err
		}
	}
	return c.Redirect(http.StatusSeeOther, "/login?signedout=everywhere")
}
