package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// adoptAgreed is the one path, for the page and the API, for adopting in
// one step every answer of a capability on which all agencies agree. The
// caller names the national answers it saw (indicator key → version); of
// those, the ones still unanimous now are adopted together, each audited
// with the contribution it came from. A version that moved meanwhile is a
// conflict for the whole step.
func (s *Server) adoptAgreed(c echo.Context, d *assessment.Detail, cd *assessment.CapabilityDetail, list []assessment.Contribution,
	answers map[int64]map[string]assessment.Answer, seen map[string]int) ([]assessment.Answer, error) {
	if err := mayConsolidate(c, d); err != nil {
		return nil, err
	}
	var picks []assessment.Adoption
	for _, ad := range assessment.Consolidate(cd, list, answers).Unanimous() {
		if v, ok := seen[ad.IndicatorKey]; ok {
			ad.Version = v
			picks = append(picks, ad)
		}
	}
	if len(picks) == 0 {
		return nil, assessment.Errorf(assessment.ECONFLICT, "No answer of this capability is left on which every agency agrees and that is still to adopt.")
	}
	saved, err := s.db.AdoptAnswers(c.Request().Context(), actor(c), d.Assessment.ID, picks)
	return saved, assessment.ExplainConflict(d.Framework, err)
}

// consolidationAdoptAgreed takes the "adopt all answers on which every
// agency agrees" button; the form carries version.<indicator> for each
// answer it offered to adopt.
func (s *Server) consolidationAdoptAgreed(c echo.Context) error {
	d, list, answers, err := s.loadConsolidation(c)
	if err != nil {
		return err
	}
	cd, err := capabilityIn(d, c.Param("key"))
	if err != nil {
		return err
	}
	seen := map[string]int{}
	for _, ind := range cd.Capability.Indicators {
		if v, err := strconv.Atoi(c.FormValue("version." + ind.Key)); err == nil {
			seen[ind.Key] = v
		}
	}
	saved, err := s.adoptAgreed(c, d, cd, list, answers, seen)
	if err != nil {
		if de, ok := assessment.AsError(err); ok && (de.Code == assessment.EINVALID || de.Code == assessment.ECONFLICT) {
			return s.renderConsolidationCapability(c, statusOf[de.Code], d, cd, list, answers, "", nil, de)
		}
		return err
	}
	flash(c, s.translator(c).T("ConsolFlashAdoptedAgreed", "Count", len(saved)))
	return c.Redirect(http.StatusSeeOther, links.ConsolidationCapability(d.Assessment.ID, cd.Capability.Key))
}
