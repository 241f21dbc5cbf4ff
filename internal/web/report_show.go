package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// reportShow is the capability maturity report: read on screen, printed
// from the browser (print stylesheet), or downloaded as PDF; ?format=short
// is the short version.
func (s *Server) reportShow(c echo.Context) error {
	return s.renderReport(c, 200, nil)
}

// renderReport renders the report page, with formErr beside the marking
// form when a change of marking was refused.
func (s *Server) renderReport(c echo.Context, status int, formErr *assessment.Error) error {
	v, err := httpx.Report(c, s.app, s.translator(c).Lang.Code, s.cfg.Now())
	if err != nil {
		return err
	}
	r, d := v.Report, v.Detail
	page := s.reportPageData(r, wantShort(c.QueryParam("format")))
	page.CanMark = policy.CanSetMarking(principal(c), &d.Assessment)
	page.EvidenceZip = len(r.Files) > 0 && policy.CanViewEvidence(principal(c), &d.Assessment, nil)
	if page.Sections, err = s.view.ReportSections(r, page); err != nil {
		return err
	}
	return s.renderStatus(c, status, "report", pageData{Title: s.translator(c).T("ReportPageTitle", "Name", r.Cover.Title+" "+r.Cover.Period),
		Error: formErr, Data: page})
}
