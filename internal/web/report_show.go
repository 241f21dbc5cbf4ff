package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// reportShow is the capability maturity report: read on screen, printed
// from the browser (print stylesheet), or downloaded as PDF.
func (s *Server) reportShow(c echo.Context) error {
	r, d, err := s.loadReport(c)
	if err != nil {
		return err
	}
	page := s.reportPageData(r, d)
	page.EvidenceZip = len(r.Files) > 0 && policy.CanViewEvidence(principal(c), &d.Assessment, nil)
	return s.render(c, "report", pageData{Title: s.translator(c).T("ReportPageTitle", "Name", r.Cover.Title+" "+r.Cover.Period), Data: page})
}
