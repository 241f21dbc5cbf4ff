package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// mayConsolidate answers 403 unless the principal consolidates this
// assessment, and 409 when it is approved and locked.
func mayConsolidate(c echo.Context, d *assessment.Detail) error {
	if !policy.CanConsolidate(principal(c), &d.Assessment) {
		return assessment.Errorf(assessment.EFORBIDDEN, "Only the owners and coordinators of %s decide the national answers.", d.Organisation.Name)
	}
	if d.Assessment.Status == assessment.StatusApproved {
		return assessment.Errorf(assessment.ECONFLICT, "this assessment is approved and locked; it must be reopened before it can change")
	}
	return nil
}

// consolidationIndicator returns the indicator named key, which must be in
// the assessment's scope.
func consolidationIndicator(d *assessment.Detail, key string) (*assessment.CapabilityDetail, error) {
	ind := d.Framework.Indicator(key)
	if ind == nil {
		return nil, assessment.NotFound("indicator")
	}
	return capabilityIn(d, ind.Capability.Key)
}

// adoptAnswer is the one path for adopting a contribution's answer as the
// national answer, for the page and the API.
func (s *Server) adoptAnswer(c echo.Context, d *assessment.Detail, key string, contributionID int64, version int) (assessment.Answer, error) {
	if err := mayConsolidate(c, d); err != nil {
		return assessment.Answer{}, err
	}
	if _, err := consolidationIndicator(d, key); err != nil {
		return assessment.Answer{}, err
	}
	saved, err := s.db.AdoptAnswer(c.Request().Context(), actor(c), d.Assessment.ID, key, contributionID, version)
	return saved, assessment.ExplainConflict(d.Framework, err)
}

// consolidationAdopt takes an "Adopt this answer" button.
func (s *Server) consolidationAdopt(c echo.Context) error {
	d, list, answers, err := s.loadConsolidation(c)
	if err != nil {
		return err
	}
	cd, err := capabilityIn(d, c.Param("key"))
	if err != nil {
		return err
	}
	key := c.FormValue("indicator")
	if !indicatorOf(d, cd, key) {
		return assessment.NotFound("indicator")
	}
	cid, _ := strconv.ParseInt(c.FormValue("contribution_id"), 10, 64)
	version, _ := strconv.Atoi(c.FormValue("version"))
	saved, err := s.adoptAnswer(c, d, key, cid, version)
	if err != nil {
		if de, ok := assessment.AsError(err); ok && (de.Code == assessment.EINVALID || de.Code == assessment.ECONFLICT) {
			return s.renderConsolidationCapability(c, statusOf[de.Code], d, cd, list, answers, key, nil, de)
		}
		return err
	}
	tr := s.translator(c)
	flash(c, tr.T("ConsolFlashAdopted", "Indicator", assessment.IndicatorNumber(d.Framework.Indicator(key)), "Answer", view.AnswerLabel(tr, saved.Value)))
	return c.Redirect(http.StatusSeeOther, links.ConsolidationCapability(d.Assessment.ID, cd.Capability.Key)+"#"+key)
}

// indicatorOf reports whether key is an indicator of the capability.
func indicatorOf(d *assessment.Detail, cd *assessment.CapabilityDetail, key string) bool {
	ind := d.Framework.Indicator(key)
	return ind != nil && ind.Capability.Key == cd.Capability.Key
}
