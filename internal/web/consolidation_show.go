package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// consolidationPage is the overview: per capability in scope, how many
// agencies were asked and answered, whether they agree, and whether the
// national answers are settled.
type consolidationPage struct {
	Detail         *assessment.Detail
	Capabilities   []assessment.CapabilityConsolidation
	Contributions  []assessment.Contribution
	CanConsolidate bool
}

func (s *Server) consolidationShow(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d, list, answers := v.Detail, v.Contributions, v.Answers
	page := consolidationPage{Detail: d, Contributions: list, CanConsolidate: policy.CanConsolidate(principal(c), &d.Assessment)}
	for _, cd := range assessables(d) {
		page.Capabilities = append(page.Capabilities, assessment.Consolidate(cd, list, answers))
	}
	title := s.translator(c).T("ConsolPageTitle", "Title", d.Assessment.Title)
	return s.renderStatus(c, http.StatusOK, "consolidation", pageData{Title: title, Data: page})
}
