package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/api"
)

// capabilitySave takes the whole capability form (every indicator, and an
// assessment's phases) and saves what changed in one transaction. It
// serves browsers without JavaScript, and the autosave script for the
// phases fieldset.
func (s *Server) capabilitySave(kind app.Kind) echo.HandlerFunc {
	return func(c echo.Context) error {
		t, err := targetOf(c, kind)
		if err != nil {
			return err
		}
		form, err := c.FormParams()
		if err != nil {
			return assessment.FieldError("form", "could not read the form")
		}
		takeTheirs(form)
		f, submitted := capabilityFormOf(form)
		key := c.Param("key")
		v, err := s.app.SaveCapability(c.Request().Context(), principal(c), actor(c), t, key, f)
		if fe := (*app.FormError)(nil); errors.As(err, &fe) {
			return s.capabilityFormError(c, v, submitted, form, fe.Err, fe.Indicator)
		} else if err != nil {
			return err
		}
		noteView(c, v)
		if wantsJSON(c) {
			return c.JSON(http.StatusOK, api.CapabilityJSON(v.Cap))
		}
		flash(c, s.translator(c).T("CoreSaved"))
		if form.Get("go") == "next" && v.Next != nil {
			key = v.Next.Capability.Key
		}
		return c.Redirect(http.StatusSeeOther, capabilityPath(t, key))
	}
}

// capabilityFormError re-renders the page with the message beside the field
// and the user's input kept; script requests get JSON instead.
func (s *Server) capabilityFormError(c echo.Context, v *app.CapabilityView,
	submitted map[string]*answerForm, form url.Values, err error, indicatorKey string) error {
	de, ok := assessment.AsError(err)
	if !ok || wantsJSON(c) || (de.Code != assessment.EINVALID && de.Code != assessment.ECONFLICT) {
		return err
	}
	status := statusOf[de.Code]
	de = s.localizeError(c, de) // the message is also shown beside the indicator
	tr := s.translator(c)
	if cur, ok := de.Current.(assessment.Answer); ok {
		indicatorKey = cur.IndicatorKey
		if f := submitted[indicatorKey]; f != nil {
			f.showConflict(tr, cur, de.Fields, de.Message)
		}
	}
	if f := submitted[indicatorKey]; f != nil {
		f.Error, f.ErrorField = de.Message, de.Field
	}
	var jp *judgementForm
	if _, present := form["cap_version"]; present && v.Contribution == nil {
		_, jf, _ := judgementFromForm(form)
		jp = &jf
		if cur, ok := de.Current.(assessment.CapabilityState); ok {
			jp.showConflict(tr, v.Detail.Framework, cur, de.Fields, de.Message)
		}
	}
	return s.renderCapability(c, status, v, submitted, jp, de)
}
