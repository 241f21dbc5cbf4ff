package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// reportPDF prints the report through the server's one renderer: bounded
// tabs and queue, one render per user at a time, repeat downloads from
// its cache.
func (s *Server) reportPDF(c echo.Context) error {
	if s.cfg.Chrome == "" {
		return assessment.Errorf(assessment.ENOTFOUND, "PDF export is not available on this server (no Chromium installed); use Print in your browser instead")
	}
	r, d, err := s.loadReport(c)
	if err != nil {
		return err
	}
	job, err := s.reportJob(r, d, wantShort(c.QueryParam("format")))
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

// reportJob is the print job of a report: its page in the report's
// language, rendered outside the request so that nothing of the reader
// (name, session, messages) is in it and one cached PDF serves every
// reader of the same version. Readers who may not see the previous cycle
// get the variant without the comparison.
func (s *Server) reportJob(r *report.Report, d *assessment.Detail, short bool) (report.Job, error) {
	html, err := s.renderDocument(r.Lang, "report", pageData{Title: r.Cover.Title + " " + r.Cover.Period, PDF: true, Path: "/", Data: s.reportPageData(r, d, short)})
	if err != nil {
		return report.Job{}, err
	}
	variant := "alone"
	if r.Previous != nil {
		variant = "since-" + strconv.FormatInt(r.Previous.AssessmentID, 10)
	}
	if short {
		variant += "-short"
	}
	header, footer := report.DocumentTemplates(r)
	return report.Job{HTML: html, Lang: r.Lang, Header: header, Footer: footer, Key: report.CacheKey{Doc: "report", ID: d.Assessment.ID,
		Version: d.Assessment.UpdatedAt.UTC().Format(time.RFC3339Nano), Variant: variant}}, nil
}

// PDFRenderer is the server's renderer, for tests and monitoring.
func (s *Server) PDFRenderer() *report.Renderer { return s.pdf }
