package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// contributionCapabilitySave takes a whole capability of a contribution
// (every indicator) and saves what changed in one transaction: the path
// for browsers without JavaScript.
func (s *Server) contributionCapabilitySave(c echo.Context) error {
	cd, err := s.loadContribution(c)
	if err != nil {
		return err
	}
	cp, err := contributionCapability(cd, c.Param("key"))
	if err != nil {
		return err
	}
	if err := mayEditContribution(c, cd); err != nil {
		return err
	}
	form, err := c.FormParams()
	if err != nil {
		return assessment.FieldError("form", "could not read the form")
	}
	takeTheirs(form)
	submitted := map[string]*answerForm{}
	var changed []assessment.Answer
	for _, in := range cp.Capability.Indicators {
		if _, present := form["version."+in.Key]; !present {
			continue
		}
		f, ai := answerFromForm(form, in.Key)
		submitted[in.Key] = f
		ans, err := ai.Validate(&cd.Assessment, cd.Framework, in.Key)
		if err != nil {
			return s.contributionFormError(c, cd, cp, submitted, err, in.Key)
		}
		if ans.Unchanged(cp.Answer(in.Key)) {
			continue
		}
		changed = append(changed, ans)
	}
	if _, err := s.db.SaveContributionAnswers(c.Request().Context(), actor(c), cd.Contribution.ID, changed); err != nil {
		return s.contributionFormError(c, cd, cp, submitted, assessment.ExplainConflict(cd.Framework, err), "")
	}
	if wantsJSON(c) {
		return s.contributionCapabilityJSON(c, cp.Capability.Key)
	}
	flash(c, s.translator(c).T("CoreSaved"))
	base := fmt.Sprintf("/contributions/%d/capabilities/", cd.Contribution.ID)
	target := base + cp.Capability.Key
	if _, next := cd.Neighbours(cp.Capability.Key); next != nil && form.Get("go") == "next" {
		target = base + next.Capability.Key
	}
	return c.Redirect(http.StatusSeeOther, target)
}

// contributionFormError re-renders the page with the message beside the
// indicator and the user's input kept; script requests get JSON instead.
func (s *Server) contributionFormError(c echo.Context, cd *assessment.ContributionDetail, cp *assessment.CapabilityDetail,
	submitted map[string]*answerForm, err error, indicatorKey string) error {
	de, ok := assessment.AsError(err)
	if !ok || wantsJSON(c) || (de.Code != assessment.EINVALID && de.Code != assessment.ECONFLICT) {
		return err
	}
	status := statusOf[de.Code]
	de = s.localizeError(c, de) // the message is also shown beside the indicator
	if cur, ok := de.Current.(assessment.Answer); ok {
		indicatorKey = cur.IndicatorKey
		if f := submitted[indicatorKey]; f != nil {
			f.showConflict(s.translator(c), cur, de.Fields, de.Message)
		}
	}
	if f := submitted[indicatorKey]; f != nil {
		f.Error, f.ErrorField = de.Message, de.Field
	}
	return s.renderContributionCapability(c, status, cd, cp, submitted, de)
}

// contributionCapabilityJSON answers the autosave script with the
// capability as stored now: new versions of every indicator.
func (s *Server) contributionCapabilityJSON(c echo.Context, key string) error {
	cd, err := s.loadContribution(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiCapabilityOf(cd.Capability(key)))
}
