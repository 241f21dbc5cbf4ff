package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// actionNew is the form to plan an action, prefilled from the query:
// capability, the indicators it addresses (indicator=…), and a
// recommendation of the source document (rec=N) as title and description,
// or an indicator's text as title when one indicator is given.
func (s *Server) actionNew(c echo.Context) error {
	t, err := s.loadPlanTarget(c)
	if err != nil {
		return err
	}
	p := principal(c)
	if !policy.CanManagePlan(p, &t.Assessment) {
		return policy.PlanRefusal(p, &t.Assessment, nil)
	}
	lang := s.translator(c).Lang.Code
	q := c.QueryParams()
	f := actionForm{Capability: q.Get("capability"), Status: string(assessment.ActionPlanned),
		Funding: string(assessment.FundingUnfunded), Indicators: map[string]bool{}}
	for _, k := range q["indicator"] {
		if in := t.Framework.Indicator(k); in != nil && in.Capability.Key == f.Capability {
			f.Indicators[k] = true
			if len(q["indicator"]) == 1 {
				f.Title = clipRunes(in.Text.In(lang), assessment.MaxTitle)
			}
		}
	}
	if n, err := strconv.Atoi(q.Get("rec")); err == nil {
		for _, r := range t.Framework.Recommendations {
			if r.Number == n {
				f.Title, f.Description = clipRunes(r.Text.In(lang), assessment.MaxTitle), r.Text.In(lang)
			}
		}
	}
	return s.renderActionForm(c, http.StatusOK, t, f, nil)
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
