package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// loadReport builds the report of the assessment in :id, compared with the
// organisation's previous approved cycle when there is one.
func (s *Server) loadReport(c echo.Context) (*report.Report, *assessment.Detail, error) {
	d, err := s.loadDetailFor(c, policy.CanViewReport) // partners included
	if err != nil {
		return nil, nil, err
	}
	if !policy.CanViewReport(principal(c), &d.Assessment) {
		return nil, nil, assessment.NotFound("assessment")
	}
	// A partner sees the comparison only when the previous cycle is shared
	// with it too: consent is given per assessment, not per organisation.
	p := principal(c)
	mayCompare := func(prev *assessment.Assessment) bool { return policy.CanViewReport(p, prev) }
	r, err := s.app.BuildReport(c.Request().Context(), d, s.translator(c).Lang.Code, mayCompare, s.cfg.Now())
	return r, d, err
}

func (s *Server) reportPageData(r *report.Report, short bool) view.ReportPage {
	return view.NewReportPage(r, short, s.cfg.Chrome != "")
}
