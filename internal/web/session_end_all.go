package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

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
