package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// translator is the request's language (httpx.Translator).
func (s *Server) translator(c echo.Context) *i18n.Translator { return httpx.Translator(c, s.i18n) }

// languageSwitch changes the interface language from any page: for a
// signed-in user it becomes the profile's preference; for everyone it is
// remembered in a cookie.
func (s *Server) languageSwitch(c echo.Context) error {
	lang := c.FormValue("lang")
	if !i18n.Supported(lang) {
		lang = "en"
	}
	if p := principal(c); p != nil && p.User.Lang != lang {
		if err := s.db.SetUserProfile(c.Request().Context(), actor(c), p.User.ID, p.User.Name, lang); err != nil {
			return err
		}
	}
	c.SetCookie(&http.Cookie{Name: httpx.LangCookie, Value: lang, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(c.Request())})
	return c.Redirect(http.StatusSeeOther, safeNext(c.FormValue("next")))
}
