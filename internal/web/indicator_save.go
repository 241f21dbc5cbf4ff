package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// saveAnswer is the one path for saving an indicator's answer, used by the
// autosave endpoint and the API: scope, policy, validation, versioned write.
func (s *Server) saveAnswer(c echo.Context, d *assessment.Detail, key string, in assessment.AnswerInput) (assessment.Answer, error) {
	ind := d.Framework.Indicator(key)
	if ind == nil {
		return assessment.Answer{}, assessment.NotFound("indicator")
	}
	if _, err := capabilityIn(d, ind.Capability.Key); err != nil {
		return assessment.Answer{}, assessment.FieldError("indicator", "indicator %q belongs to capability %q, which is outside this assessment's scope", key, ind.Capability.Key)
	}
	if err := mayEdit(c, d, ind.Capability.Key); err != nil {
		return assessment.Answer{}, err
	}
	a, err := in.Validate(&d.Assessment, d.Framework, key)
	if err != nil {
		return a, err
	}
	saved, err := s.db.SaveAnswer(c.Request().Context(), actor(c), a)
	return saved, assessment.ExplainConflict(d.Framework, err)
}

// indicatorSave receives one indicator's fieldset from the autosave script
// (JSON back), or from a browser posting that fieldset alone.
func (s *Server) indicatorSave(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	key := c.Param("key")
	form, err := c.FormParams()
	if err != nil {
		return assessment.FieldError("form", "could not read the form")
	}
	f, in := answerFromForm(form, key)
	saved, err := s.saveAnswer(c, d, key, in)
	if err != nil {
		if cd := d.Capability(capKeyOf(d, key)); cd != nil && !wantsJSON(c) {
			return s.capabilityFormError(c, d, cd, map[string]*answerForm{key: f}, form, err, key)
		}
		return err
	}
	if !wantsJSON(c) {
		flash(c, s.translator(c).T("CoreSaved"))
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/assessments/%d/capabilities/%s#%s", d.Assessment.ID, saved.CapabilityKey, key))
	}
	cd := d.Capability(saved.CapabilityKey)
	cd.Apply([]assessment.Answer{saved}, nil)
	return c.JSON(http.StatusOK, apiCapabilityOf(cd))
}

func capKeyOf(d *assessment.Detail, indicatorKey string) string {
	if ind := d.Framework.Indicator(indicatorKey); ind != nil {
		return ind.Capability.Key
	}
	return ""
}
