package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// saveContributionAnswer is the one path for saving an agency's answer to
// one indicator, used by the autosave endpoint and the API: the capability
// must be one the agency was asked about, then policy, validation and a
// versioned write.
func (s *Server) saveContributionAnswer(c echo.Context, cd *assessment.ContributionDetail, key string, in assessment.AnswerInput) (assessment.Answer, error) {
	ind := cd.Framework.Indicator(key)
	if ind == nil {
		return assessment.Answer{}, assessment.NotFound("indicator")
	}
	if cd.Capability(ind.Capability.Key) == nil {
		return assessment.Answer{}, assessment.FieldError("indicator", "indicator %q belongs to capability %q, which %s was not asked about", key, ind.Capability.Key, cd.Contribution.Agency.Name)
	}
	if err := mayEditContribution(c, cd); err != nil {
		return assessment.Answer{}, err
	}
	a, err := in.Validate(&cd.Assessment, cd.Framework, key)
	if err != nil {
		return a, err
	}
	saved, err := s.db.SaveContributionAnswers(c.Request().Context(), actor(c), cd.Contribution.ID, []assessment.Answer{a})
	if err != nil {
		return assessment.Answer{}, assessment.ExplainConflict(cd.Framework, err)
	}
	return saved[0], nil
}

// contributionIndicatorSave receives one indicator's fieldset from the
// autosave script (JSON back), or from a browser posting it alone.
func (s *Server) contributionIndicatorSave(c echo.Context) error {
	cd, err := s.loadContribution(c)
	if err != nil {
		return err
	}
	key := c.Param("key")
	form, err := c.FormParams()
	if err != nil {
		return assessment.FieldError("form", "could not read the form")
	}
	f, in := answerFromForm(form, key)
	saved, err := s.saveContributionAnswer(c, cd, key, in)
	if err != nil {
		if cp := cd.Capability(capKeyOf(cd.Detail, key)); cp != nil && !wantsJSON(c) {
			return s.contributionFormError(c, cd, cp, map[string]*answerForm{key: f}, err, key)
		}
		return err
	}
	if !wantsJSON(c) {
		flash(c, s.translator(c).T("CoreSaved"))
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/contributions/%d/capabilities/%s#%s", cd.Contribution.ID, saved.CapabilityKey, key))
	}
	return s.contributionCapabilityJSON(c, saved.CapabilityKey)
}
