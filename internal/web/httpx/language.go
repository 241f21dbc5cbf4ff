package httpx

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

const (
	ctxTranslator = "translator"
	// LangCookie remembers the language chosen on the sign-in pages.
	LangCookie = "mnr_lang"
)

// Translator returns the request's language from b: the signed-in user's
// preference, else the language chosen on the sign-in pages (cookie), else
// the browser's Accept-Language, else English. It is decided once per
// request.
func Translator(c echo.Context, b *i18n.Bundle) *i18n.Translator {
	if tr, ok := c.Get(ctxTranslator).(*i18n.Translator); ok {
		return tr
	}
	choice := ""
	if ck, err := c.Cookie(LangCookie); err == nil {
		choice = ck.Value
	}
	if p := Principal(c); p != nil && i18n.Supported(p.User.Lang) {
		choice = p.User.Lang
	}
	tr := b.For(i18n.Negotiate(choice, c.Request().Header.Get("Accept-Language")))
	c.Set(ctxTranslator, tr)
	return tr
}

// TranslatorFor speaks the language a user chose, for what is shown to
// them once they are signed in (a flash on the next page) or mailed to
// them; without a known choice, the language of this request.
func TranslatorFor(c echo.Context, b *i18n.Bundle, lang string) *i18n.Translator {
	if i18n.Supported(lang) {
		return b.For(lang)
	}
	return Translator(c, b)
}
