package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/view"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// consolidationAdopt takes an "Adopt this answer" button.
func (s *Server) consolidationAdopt(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d, list, answers := v.Detail, v.Contributions, v.Answers
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
	saved, err := s.app.AdoptAnswer(c.Request().Context(), principal(c), actor(c), d, key, cid, version)
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
