package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// reportPDF prints the report through the server's one renderer: bounded
// tabs and queue, one render per user at a time, repeat downloads from
// its cache.
func (s *Server) reportPDF(c echo.Context) error {
	if s.cfg.Chrome == "" {
		return assessment.Errorf(assessment.ENOTFOUND, "PDF export is not available on this server (no Chromium installed); use Print in your browser instead")
	}
	v, err := httpx.Report(c, s.app, s.translator(c).Lang.Code, s.cfg.Now())
	if err != nil {
		return err
	}
	r, d := v.Report, v.Detail
	job, err := s.view.ReportJob(r, &d.Assessment, wantShort(c.QueryParam("format")), s.cfg.Chrome != "")
	if err != nil {
		return err
	}
	job.User = "user:" + strconv.FormatInt(principal(c).User.ID, 10)
	pdf, err := s.pdf.Render(c.Request().Context(), job)
	if err != nil {
		return fmt.Errorf("report %d: %w", d.Assessment.ID, err)
	}
	attachment(c, r, "pdf")
	return c.Blob(http.StatusOK, "application/pdf", pdf)
}

// PDFRenderer is the server's renderer, for tests and monitoring.
func (s *Server) PDFRenderer() *report.Renderer { return s.pdf }
