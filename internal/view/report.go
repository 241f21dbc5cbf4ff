package view

import (
	"html/template"
	"strconv"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// ReportPage is what the report template receives.
type ReportPage struct {
	Report      *report.Report
	Radar       any
	DomainBars  any
	PDF         bool // the PDF button is shown only when Chromium is available
	Short       bool // the short version: cover, findings, charts, table, plan
	CanMark     bool // the reader may change the confidentiality marking
	EvidenceZip bool // the link to the evidence bundle, for those who may download the files
	// Sections: cover to annex already rendered (ReportSections); empty:
	// the template renders them (the PDF's print job).
	Sections template.HTML
}

// NewReportPage puts a report with its charts; pdf shows the PDF button.
func NewReportPage(r *report.Report, short, pdf bool) ReportPage {
	radar, bars := r.Charts()
	return ReportPage{Report: r, Radar: radar, DomainBars: bars, PDF: pdf, Short: short}
}

// ReportJob is the print job of a report: its page in the report's
// language, rendered without a request so that nothing of a reader (name,
// session, messages) is in it and one cached PDF serves every reader of
// the same version. Readers who may not see the previous cycle get the
// variant without the comparison. pdf is whether the server offers PDFs.
func (v *View) ReportJob(r *report.Report, a *assessment.Assessment, short, pdf bool) (report.Job, error) {
	html, err := v.Render(r.Lang, "report", Page{Title: r.Cover.Title + " " + r.Cover.Period, PDF: true, Path: "/",
		Data: NewReportPage(r, short, pdf)})
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
	return report.Job{HTML: html, Lang: r.Lang, Header: header, Footer: footer, Key: report.CacheKey{Doc: "report", ID: a.ID,
		Version: a.UpdatedAt.UTC().Format(time.RFC3339Nano), Variant: variant}}, nil
}
