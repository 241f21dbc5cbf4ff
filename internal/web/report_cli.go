package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// ExportReport writes an assessment's report in format (csv, xlsx, json or
// pdf), with texts in lang, for the command line, which acts as the system
// and skips the policy.
func (s *Server) ExportReport(ctx context.Context, id int64, format, lang string, w io.Writer) error {
	d, err := s.detailByID(ctx, id)
	if err != nil {
		return err
	}
	r, err := s.buildReport(ctx, d, lang, func(*assessment.Assessment) bool { return true })
	if err != nil {
		return err
	}
	if format == "pdf" {
		if s.cfg.Chrome == "" {
			return fmt.Errorf("no Chromium found: install chromium or set MNR_CHROME")
		}
		// Render the page template outside a request, as the PDF route does.
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "/", nil)
		req.AddCookie(&http.Cookie{Name: langCookie, Value: lang})
		c := s.echo.NewContext(req, discardWriter{})
		html, err := s.renderBytes(c, "report", pageData{Title: r.Cover.Title + " " + r.Cover.Period, PDF: true, Data: s.reportPageData(r, d)})
		if err != nil {
			return err
		}
		pdf, err := report.RenderPDFFromHTML(ctx, s.cfg.Chrome, html, "", report.PDFOptions{Timeout: pdfTimeout})
		if err != nil {
			return err
		}
		_, err = w.Write(pdf)
		return err
	}
	f, ok := exportFormats[format]
	if !ok {
		return fmt.Errorf("unknown format %q: use csv, xlsx, json or pdf", format)
	}
	var buf bytes.Buffer
	if err := f.write(&buf, r); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// discardWriter is the response of the synthetic request the command line
// renders through; nothing is written to it.
type discardWriter struct{}

func (discardWriter) Header() http.Header         { return http.Header{} }
func (discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (discardWriter) WriteHeader(int)             {}
