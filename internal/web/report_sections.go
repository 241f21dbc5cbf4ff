package web

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/mnr-self-assessment/mnr/internal/report"
)

// reportSections renders the parts of the report page that are the same
// for every reader of one version (cover to annex), once per report kept
// in app's cache and language: the report page is otherwise mostly
// template work, the same on every view.
func (s *Server) reportSections(r *report.Report, page reportPage) (template.HTML, error) {
	name := "sections"
	if page.Short {
		name = "sections-short"
	}
	v, err := r.Memo(name, func() (any, error) {
		t, err := s.templates.page(r.Lang, "report")
		if err != nil {
			return nil, err
		}
		shared := reportPage{Report: r, Radar: page.Radar, DomainBars: page.DomainBars, PDF: page.PDF, Short: page.Short}
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, "report_sections", pageData{Data: shared}); err != nil {
			return nil, fmt.Errorf("render report sections: %w", err)
		}
		return template.HTML(buf.String()), nil // #nosec G203 -- rendered by html/template
	})
	if err != nil {
		return "", err
	}
	return v.(template.HTML), nil
}
