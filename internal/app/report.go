package app

import (
	"context"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// ReportView is an assessment's report with the assessment it was built
// from. Both are shared between readers through the cache: read only.
type ReportView struct {
	Report *report.Report
	Detail *assessment.Detail
}

// Report is the report of assessment id for p (members and partners it
// is shared with), with texts in lang, compared with the previous cycle
// when p may see that one too. A report is built once per assessment,
// language and comparison and kept while nothing has been committed since
// (see reportCache), so repeated views cost two small reads.
func (a *App) Report(ctx context.Context, p *policy.Principal, id int64, lang string, now time.Time) (*ReportView, error) {
	// Before the reads: a commit during the build makes the entry stale.
	// Unreadable, the version is "" and nothing is kept.
	version, _ := a.db.DataVersion(ctx)
	head, err := a.db.Assessment(ctx, id)
	if err != nil {
		return nil, err
	}
	if !policy.CanViewReport(p, &head) {
		return nil, assessment.NotFound("assessment")
	}
	// A partner sees the comparison only when the previous cycle is shared
	// with it too: consent is given per assessment, not per organisation.
	prev, ok, err := a.db.PreviousAssessment(ctx, head)
	if err != nil {
		return nil, err
	}
	compare := ok && policy.CanViewReport(p, &prev)
	key := reportKey{id: id, lang: lang, compare: compare, day: now.UTC().Format(time.DateOnly)}
	if v := a.reports.get(key, version); version != "" && v != nil {
		return v, nil
	}
	var against *assessment.Assessment
	if compare {
		against = &prev
	}
	v, err := a.buildReport(ctx, id, against, lang, now)
	if err != nil {
		return nil, err
	}
	if version != "" {
		a.reports.put(key, version, v)
	}
	return v, nil
}

// BuildReport reads and builds the report of assessment id without any
// policy check (the command line's export; Report for readers), against
// its previous cycle when mayCompare allows that cycle to be shown; now
// decides which plan actions are overdue.
func (a *App) BuildReport(ctx context.Context, id int64, lang string, mayCompare func(*assessment.Assessment) bool, now time.Time) (*ReportView, error) {
	head, err := a.db.Assessment(ctx, id)
	if err != nil {
		return nil, err
	}
	var against *assessment.Assessment
	if pa, ok, err := a.db.PreviousAssessment(ctx, head); err != nil {
		return nil, err
	} else if ok && mayCompare(&pa) {
		against = &pa
	}
	return a.buildReport(ctx, id, against, lang, now)
}

// buildReport reads and builds the report of assessment id, compared with
// the previous cycle against when it is not nil.
func (a *App) buildReport(ctx context.Context, id int64, against *assessment.Assessment, lang string, now time.Time) (*ReportView, error) {
	d, err := a.Detail(ctx, id)
	if err != nil {
		return nil, err
	}
	var prev *assessment.Detail
	if against != nil {
		if prev, err = a.Detail(ctx, against.ID); err != nil {
			return nil, err
		}
	}
	r := report.Build(d, prev, lang)
	list, answers, err := a.db.ConsolidationContent(ctx, id)
	if err != nil {
		return nil, err
	}
	comments, err := a.db.Comments(ctx, id)
	if err != nil {
		return nil, err
	}
	r.SetProcess(d, report.Process{Contributions: list, Answers: answers, Comments: comments})
	actions, err := a.db.Actions(ctx, id)
	if err != nil {
		return nil, err
	}
	r.AttachPlan(d.Framework, actions, now)
	files, err := a.db.EvidenceFiles(ctx, id, 0)
	if err != nil {
		return nil, err
	}
	r.AddFiles(d.Framework, files)
	actionFiles, err := a.db.AssessmentActionFiles(ctx, id)
	if err != nil {
		return nil, err
	}
	r.AddActionFiles(actionFiles)
	return &ReportView{Report: r, Detail: d}, nil
}

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
