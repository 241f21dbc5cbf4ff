package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// ExportReport writes an assessment's report in format (csv, xlsx, json or
// pdf), with texts in lang, for the command line, which acts as the system
// and skips the policy. A PDF is printed by a renderer of its own, closed
// before returning.
func (s *Server) ExportReport(ctx context.Context, id int64, format, lang string, w io.Writer) error {
	return s.ExportReportAs(ctx, id, format, lang, false, w)
}

// ExportReportAs is ExportReport with the length chosen: short prints the
// short version of the PDF (cover, findings, charts, capability table,
// plan summary). The data exports (csv, xlsx, json) are always complete:
// the annex of every answer stays in them.
func (s *Server) ExportReportAs(ctx context.Context, id int64, format, lang string, short bool, w io.Writer) error {
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
		job, err := s.reportJob(r, d, short)
		if err != nil {
			return err
		}
		// The command line waits as long as a long report takes on a busy
		// machine; the server's bounds are for many readers at once.
		once := report.NewRenderer(report.RendererConfig{Chrome: s.cfg.Chrome, Tabs: 1, CacheBytes: -1, Idle: -1, Wait: 5 * time.Minute, Timeout: 5 * time.Minute})
		defer once.Close()
		pdf, err := once.Render(ctx, job)
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

// ReportHTML renders an assessment's report page as the PDF renderer gets
// it (styles inlined, nothing of a reader in it), with texts in lang, for
// the command line and for checks of the printed document.
func (s *Server) ReportHTML(ctx context.Context, id int64, lang string, short bool) ([]byte, error) {
	d, err := s.detailByID(ctx, id)
	if err != nil {
		return nil, err
	}
	r, err := s.buildReport(ctx, d, lang, func(*assessment.Assessment) bool { return true })
	if err != nil {
		return nil, err
	}
	job, err := s.reportJob(r, d, short)
	if err != nil {
		return nil, err
	}
	return job.HTML, nil
}
