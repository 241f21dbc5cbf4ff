package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

const (
	ctxTranslator = "translator"
	langCookie    = "mnr_lang"
)

// translator returns the request's language: the signed-in user's
// preference, else the language chosen on the sign-in pages (cookie), else
// the browser's Accept-Language, else English.
func (s *Server) translator(c echo.Context) *i18n.Translator {
	if tr, ok := c.Get(ctxTranslator).(*i18n.Translator); ok {
		return tr
	}
	choice := ""
	if ck, err := c.Cookie(langCookie); err == nil {
		choice = ck.Value
	}
	if p := principal(c); p != nil && i18n.Supported(p.User.Lang) {
		choice = p.User.Lang
	}
	tr := s.i18n.For(i18n.Negotiate(choice, c.Request().Header.Get("Accept-Language")))
	c.Set(ctxTranslator, tr)
	return tr
}

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
	c.SetCookie(&http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(c.Request())})
	return c.Redirect(http.StatusSeeOther, safeNext(c.FormValue("next")))
}

// translatorFor speaks the language a user chose, for what is shown to them
// once they are signed in (a flash on the next page) or mailed to them;
// without a known choice, the language of this request.
func (s *Server) translatorFor(c echo.Context, lang string) *i18n.Translator {
	if i18n.Supported(lang) {
		return s.i18n.For(lang)
	}
	return s.translator(c)
}
