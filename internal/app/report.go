package app

import (
	"context"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// Detail reads an assessment whole with its pinned framework, without any
// policy check: callers decide who may see it.
func (a *App) Detail(ctx context.Context, id int64) (*assessment.Detail, error) {
	org, as, states, answers, err := a.db.AssessmentContent(ctx, id)
	if err != nil {
		return nil, err
	}
	fw, err := framework.Get(as.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return assessment.NewDetail(fw, org, as, states, answers), nil
}

// BuildReport builds the report of d, with texts in lang, against its
// previous cycle when mayCompare allows that cycle to be shown, with the
// process, the plan as of now and the evidence files.
func (a *App) BuildReport(ctx context.Context, d *assessment.Detail, lang string, mayCompare func(*assessment.Assessment) bool, now time.Time) (*report.Report, error) {
	prev, err := a.previousDetail(ctx, d)
	if err != nil {
		return nil, err
	}
	if prev != nil && !mayCompare(&prev.Assessment) {
		prev = nil
	}
	r := report.Build(d, prev, lang)
	proc, err := a.reportProcess(ctx, d.Assessment.ID)
	if err != nil {
		return nil, err
	}
	r.SetProcess(d, proc)
	actions, err := a.db.Actions(ctx, d.Assessment.ID)
	if err != nil {
		return nil, err
	}
	r.AttachPlan(d.Framework, actions, now)
	files, err := a.db.EvidenceFiles(ctx, d.Assessment.ID, 0)
	if err != nil {
		return nil, err
	}
	r.AddFiles(d.Framework, files)
	return r, nil
}

// reportProcess reads how the national position came about: the
// contributions with their answers, and the review comments.
func (a *App) reportProcess(ctx context.Context, id int64) (report.Process, error) {
	list, answers, err := a.db.ConsolidationContent(ctx, id)
	if err != nil {
		return report.Process{}, err
	}
	comments, err := a.db.Comments(ctx, id)
	if err != nil {
		return report.Process{}, err
	}
	return report.Process{Contributions: list, Answers: answers, Comments: comments}, nil
}

// previousDetail reads the previous cycle of d, or nil.
func (a *App) previousDetail(ctx context.Context, d *assessment.Detail) (*assessment.Detail, error) {
	pa, ok, err := a.db.PreviousAssessment(ctx, d.Assessment)
	if err != nil || !ok {
		return nil, err
	}
	return a.Detail(ctx, pa.ID)
}
