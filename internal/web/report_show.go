package web

import (
	"github.com/labstack/echo/v4"
)

// reportShow is the capability maturity report: read on screen, printed
// from the browser (print stylesheet), or downloaded as PDF.
func (s *Server) reportShow(c echo.Context) error {
	r, d, err := s.loadReport(c)
	if err != nil {
		return err
	}
	return s.render(c, "report", pageData{Title: s.translator(c).T("ReportPageTitle", "Name", r.Cover.Title+" "+r.Cover.Period), Data: s.reportPageData(r, d)})
}
