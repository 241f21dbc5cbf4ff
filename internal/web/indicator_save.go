package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/api"
)

// indicatorSave receives one indicator's fieldset from the autosave script
// (the capability's new state as JSON back), or from a browser posting
// that fieldset alone, for an assessment or a contribution.
func (s *Server) indicatorSave(kind app.Kind) echo.HandlerFunc {
	return func(c echo.Context) error {
		t, err := targetOf(c, kind)
		if err != nil {
			return err
		}
		key := c.Param("key")
		form, err := c.FormParams()
		if err != nil {
			return assessment.FieldError("form", "could not read the form")
		}
		f, in := answerFromForm(form, key)
		v, saved, err := s.app.SaveAnswer(c.Request().Context(), principal(c), actor(c),
			app.AnswerSave{Target: t, Indicator: key, Input: in, WithCapability: true})
		noteView(c, v)
		if err != nil {
			if v != nil && !wantsJSON(c) {
				return s.capabilityFormError(c, v, map[string]*answerForm{key: f}, form, err, key)
			}
			return err
		}
		if !wantsJSON(c) {
			flash(c, s.translator(c).T("CoreSaved"))
			return c.Redirect(http.StatusSeeOther, capabilityPath(t, saved.CapabilityKey)+"#"+key)
		}
		return c.JSON(http.StatusOK, api.CapabilityJSON(v.Cap))
	}
}
