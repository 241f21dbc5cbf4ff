package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// tokenRevoke stops one of the user's own tokens at once; anyone else's
// token is "not found".
func (s *Server) tokenRevoke(c echo.Context) error {
	id, err := paramID(c, "id", "token")
	if err != nil {
		return err
	}
	if err := s.db.RevokeToken(c.Request().Context(), actor(c), principal(c).User.ID, id); err != nil {
		return err
	}
	flash(c, s.translator(c).T("AcctFlashTokenRevoked"))
	return c.Redirect(http.StatusSeeOther, "/account/tokens")
}
