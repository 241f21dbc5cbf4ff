package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// consolidationAdoptAgreed takes the "adopt all answers on which every
// agency agrees" button; the form carries version.<indicator> for each
// answer it offered to adopt.
func (s *Server) consolidationAdoptAgreed(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d, list, answers := v.Detail, v.Contributions, v.Answers
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
	saved, err := s.app.AdoptAgreed(c.Request().Context(), principal(c), actor(c), v, cd, seen)
	if err != nil {
		if de, ok := assessment.AsError(err); ok && (de.Code == assessment.EINVALID || de.Code == assessment.ECONFLICT) {
			return s.renderConsolidationCapability(c, statusOf[de.Code], d, cd, list, answers, "", nil, de)
		}
		return err
	}
	flash(c, s.translator(c).T("ConsolFlashAdoptedAgreed", "Count", len(saved)))
	return c.Redirect(http.StatusSeeOther, links.ConsolidationCapability(d.Assessment.ID, cd.Capability.Key))
}
