package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// profileSave changes the user's display name and preferred language.
func (s *Server) profileSave(c echo.Context) error {
	in := assessment.ProfileInput{Name: c.FormValue("name"), Lang: c.FormValue("lang")}
	if err := in.Validate(); err != nil {
		if de, ok := assessment.AsError(err); ok {
			return s.renderAccount(c, http.StatusUnprocessableEntity, de, in)
		}
		return err
	}
	if err := s.db.SetUserProfile(c.Request().Context(), actor(c), principal(c).User.ID, in.Name, in.Lang); err != nil {
		return err
	}
	flash(c, httpx.TranslatorFor(c, s.i18n, in.Lang).T("AcctFlashProfileSaved")) // shown in the language just chosen
	return c.Redirect(http.StatusSeeOther, "/account")
}
