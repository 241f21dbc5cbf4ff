package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// pdfTimeout bounds one PDF render, browser start included.
const pdfTimeout = 45 * time.Second

// renderReportPDF renders the report page with its stylesheets inlined and
// prints it with headless Chromium; no request goes back to the server.
func (s *Server) renderReportPDF(c echo.Context) ([]byte, *report.Report, error) {
	if s.cfg.Chrome == "" {
		return nil, nil, assessment.Errorf(assessment.ENOTFOUND, "PDF export is not available on this server (no Chromium installed); use Print in your browser instead")
	}
	r, d, err := s.loadReport(c)
	if err != nil {
		return nil, nil, err
	}
	html, err := s.renderBytes(c, "report", pageData{Title: r.Cover.Title + " " + r.Cover.Period, PDF: true, Data: s.reportPageData(r, d)})
	if err != nil {
		return nil, nil, err
	}
	pdf, err := report.RenderPDFFromHTML(c.Request().Context(), s.cfg.Chrome, html, "", report.PDFOptions{Timeout: pdfTimeout})
	if err != nil {
		return nil, nil, fmt.Errorf("report %d: %w", d.Assessment.ID, err)
	}
	return pdf, r, nil
}

func (s *Server) reportPDF(c echo.Context) error {
	pdf, r, err := s.renderReportPDF(c)
	if err != nil {
		return err
	}
	attachment(c, r, "pdf")
	return c.Blob(http.StatusOK, "application/pdf", pdf)
}
