package web

import (
	"context"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// reportPage is what the report template receives.
type reportPage struct {
	Report     *report.Report
	Radar      any
	DomainBars any
	PDF        bool // the PDF button is shown only when Chromium is available
	Short      bool // the short version: cover, findings, charts, table, plan
	CanMark    bool // the reader may change the confidentiality marking
}

// loadReport builds the report of the assessment in :id, compared with the
// organisation's previous approved cycle when there is one.
func (s *Server) loadReport(c echo.Context) (*report.Report, *assessment.Detail, error) {
	d, err := s.loadDetailFor(c, policy.CanViewReport) // partners included
	if err != nil {
		return nil, nil, err
	}
	if !policy.CanViewReport(principal(c), &d.Assessment) {
		return nil, nil, assessment.NotFound("assessment")
	}
	// A partner sees the comparison only when the previous cycle is shared
	// with it too: consent is given per assessment, not per organisation.
	p := principal(c)
	mayCompare := func(prev *assessment.Assessment) bool { return policy.CanViewReport(p, prev) }
	r, err := s.buildReport(c.Request().Context(), d, s.translator(c).Lang.Code, mayCompare)
	return r, d, err
}

// buildReport builds the report of d, with texts in lang, against its
// previous cycle when mayCompare allows that cycle to be shown.
func (s *Server) buildReport(ctx context.Context, d *assessment.Detail, lang string, mayCompare func(*assessment.Assessment) bool) (*report.Report, error) {
	prev, err := s.previousDetail(ctx, d)
	if err != nil {
		return nil, err
	}
	if prev != nil && !mayCompare(&prev.Assessment) {
		prev = nil
	}
	r := report.Build(d, prev, lang)
	proc, err := s.reportProcess(ctx, d.Assessment.ID)
	if err != nil {
		return nil, err
	}
	r.SetProcess(d, proc)
	actions, err := s.db.Actions(ctx, d.Assessment.ID)
	if err != nil {
		return nil, err
	}
	r.AttachPlan(d.Framework, actions, s.cfg.Now())
	return r, nil
}

// reportProcess loads how the national position came about: the
// contributions with their answers, and the review comments.
func (s *Server) reportProcess(ctx context.Context, id int64) (report.Process, error) {
	list, answers, err := s.db.ConsolidationContent(ctx, id)
	if err != nil {
		return report.Process{}, err
	}
	comments, err := s.db.Comments(ctx, id)
	if err != nil {
		return report.Process{}, err
	}
	return report.Process{Contributions: list, Answers: answers, Comments: comments}, nil
}

// previousDetail loads the previous cycle of d, or nil.
func (s *Server) previousDetail(ctx context.Context, d *assessment.Detail) (*assessment.Detail, error) {
	pa, ok, err := s.db.PreviousAssessment(ctx, d.Assessment)
	if err != nil || !ok {
		return nil, err
	}
	return s.detailByID(ctx, pa.ID)
}

// detailByID loads an assessment with its pinned framework, without any
// policy check: callers decide who may see it.
func (s *Server) detailByID(ctx context.Context, id int64) (*assessment.Detail, error) {
	org, a, states, answers, err := s.db.AssessmentContent(ctx, id)
	if err != nil {
		return nil, err
	}
	fw, err := framework.Get(a.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return assessment.NewDetail(fw, org, a, states, answers), nil
}

func (s *Server) reportPageData(r *report.Report, d *assessment.Detail, short bool) reportPage {
	return reportPage{Report: r, Radar: report.RadarSVG(r, r.Lang), DomainBars: report.DomainBarsSVG(r, r.Lang),
		PDF: s.cfg.Chrome != "", Short: short}
}
