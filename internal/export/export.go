// Package export writes an assessment's report (csv, xlsx, json or pdf)
// for the command line, from the use cases (internal/app) and the pages
// (internal/view), without a web server or a request. The command line
// acts as the system: it skips the policy.
package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// Exporter writes reports from one store.
type Exporter struct {
	app    *app.App
	chrome string // Chromium for PDFs; "" when none is installed
	now    func() time.Time

	// The pages are parsed on the first PDF or page asked for: the data
	// exports need none of them.
	viewOnce sync.Once
	view     *view.View
	viewErr  error
}

// New returns an exporter over db; chrome is the Chromium that prints
// PDFs ("" refuses them).
func New(db *store.Store, chrome string) (*Exporter, error) {
	return &Exporter{app: app.New(db), chrome: chrome, now: func() time.Time { return time.Now().UTC() }}, nil
}

// pages returns the view, parsed once.
func (e *Exporter) pages() (*view.View, error) {
	e.viewOnce.Do(func() {
		bundle, err := i18n.New()
		if err != nil {
			e.viewErr = err
			return
		}
		e.view, e.viewErr = view.New(bundle)
	})
	return e.view, e.viewErr
}

// everything lets the system compare with any previous cycle.
func everything(*assessment.Assessment) bool { return true }

// build reads an assessment and builds its report in lang.
func (e *Exporter) build(ctx context.Context, id int64, lang string) (*report.Report, *assessment.Detail, error) {
	v, err := e.app.BuildReport(ctx, id, lang, everything, e.now())
	if err != nil {
		return nil, nil, err
	}
	return v.Report, v.Detail, nil
}

// Report writes an assessment's report in format, with texts in lang;
// short prints the short version of the PDF (the data exports are always
// complete). A PDF is printed by a renderer of its own, closed before
// returning.
func (e *Exporter) Report(ctx context.Context, id int64, format, lang string, short bool, w io.Writer) error {
	if format == "pdf" {
		return e.pdf(ctx, id, lang, short, w)
	}
	r, _, err := e.build(ctx, id, lang)
	if err != nil {
		return err
	}
	f, ok := report.Formats[format]
	if !ok {
		return fmt.Errorf("unknown format %q: use csv, xlsx, json or pdf", format)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, r); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// ReportHTML is an assessment's report page as the PDF renderer gets it
// (styles inlined, nothing of a reader in it), with texts in lang.
func (e *Exporter) ReportHTML(ctx context.Context, id int64, lang string, short bool) ([]byte, error) {
	job, err := e.reportJob(ctx, id, lang, short)
	return job.HTML, err
}

func (e *Exporter) reportJob(ctx context.Context, id int64, lang string, short bool) (report.Job, error) {
	v, err := e.pages()
	if err != nil {
		return report.Job{}, err
	}
	r, d, err := e.build(ctx, id, lang)
	if err != nil {
		return report.Job{}, err
	}
	return v.ReportJob(r, &d.Assessment, short, e.chrome != "")
}

// pdf prints the report with a renderer that waits as long as a long
// report takes on a busy machine; the server's bounds are for many
// readers at once.
func (e *Exporter) pdf(ctx context.Context, id int64, lang string, short bool, w io.Writer) error {
	job, err := e.reportJob(ctx, id, lang, short)
	if err != nil {
		return err
	}
	if e.chrome == "" {
		return fmt.Errorf("no Chromium found: install chromium or set MNR_CHROME")
	}
	once := report.NewRenderer(report.RendererConfig{Chrome: e.chrome, Tabs: 1, CacheBytes: -1, Idle: -1, Wait: 5 * time.Minute, Timeout: 5 * time.Minute})
	defer once.Close()
	pdf, err := once.Render(ctx, job)
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}
