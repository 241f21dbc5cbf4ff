package view

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/mnr-self-assessment/mnr/internal/report"
)

// ReportSections renders the parts of the report page that are the same
// for every reader of one version (cover to annex), once per report kept
// in app's cache and language: the report page is otherwise mostly
// template work, the same on every view.
func (v *View) ReportSections(r *report.Report, page ReportPage) (template.HTML, error) {
	name := "sections"
	if page.Short {
		name = "sections-short"
	}
	m, err := r.Memo(name, func() (any, error) {
		t, ok := v.pages[r.Lang]["report"]
		if !ok {
			return nil, fmt.Errorf("no template %q", "report")
		}
		shared := ReportPage{Report: r, Radar: page.Radar, DomainBars: page.DomainBars, PDF: page.PDF, Short: page.Short}
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, "report_sections", Page{Data: shared}); err != nil {
			return nil, fmt.Errorf("render report sections: %w", err)
		}
		return template.HTML(buf.String()), nil // #nosec G203 -- rendered by html/template
	})
	if err != nil {
		return "", err
	}
	return m.(template.HTML), nil
}
