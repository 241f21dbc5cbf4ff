package web

import (
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
	return s.render(c, "account_sessions", pageData{Title: s.translator(c).T("AcctSessionsTitle"), Data: views})
}
