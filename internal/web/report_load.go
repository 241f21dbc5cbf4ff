package web

import (
	"context"
	"html/template"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// reportPage is what the report template receives.
type reportPage struct {
	Report      *report.Report
	Radar       any
	DomainBars  any
	PDF         bool // the PDF button is shown only when Chromium is available
	Short       bool // the short version: cover, findings, charts, table, plan
	CanMark     bool // the reader may change the confidentiality marking
	EvidenceZip bool // the link to the evidence bundle, for those who may download the files
	// Sections: cover to annex already rendered (reportSections); empty:
	// the template renders them (the PDF's print job).
	Sections template.HTML
}

// loadReport is the report of the assessment in :id for the reader
// (members, and partners it is shared with), compared with the
// organisation's previous approved cycle when the reader may see it. The
// report and detail are shared through app's cache: read only.
func (s *Server) loadReport(c echo.Context) (*report.Report, *assessment.Detail, error) {
	id, err := paramID(c, "id", "assessment")
	if err != nil {
		return nil, nil, err
	}
	v, err := s.app.Report(c.Request().Context(), principal(c), id, s.translator(c).Lang.Code, s.cfg.Now())
	if err != nil {
		return nil, nil, err
	}
	logOrganisation(c, v.Detail.Assessment.OrganisationID)
	return v.Report, v.Detail, nil
}

// buildReport builds the report of d, with texts in lang, against its
// previous cycle when mayCompare allows that cycle to be shown.
func (s *Server) buildReport(ctx context.Context, d *assessment.Detail, lang string, mayCompare func(*assessment.Assessment) bool) (*report.Report, error) {
	v, err := s.app.BuildReport(ctx, d.Assessment.ID, lang, mayCompare, s.cfg.Now())
	if err != nil {
		return nil, err
	}
	return v.Report, nil
}

// detailByID loads an assessment with its pinned framework, without any
// policy check: callers decide who may see it.
func (s *Server) detailByID(ctx context.Context, id int64) (*assessment.Detail, error) {
	return s.app.Detail(ctx, id)
}

func (s *Server) reportPageData(r *report.Report, d *assessment.Detail, short bool) reportPage {
	radar, bars := r.Charts()
	return reportPage{Report: r, Radar: radar, DomainBars: bars, PDF: s.cfg.Chrome != "", Short: short}
}
