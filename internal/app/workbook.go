package app

import (
	"context"
	"io"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// WorkbookSubject reads a target without a principal, for the command
// line (run by the operator).
func (a *App) WorkbookSubject(ctx context.Context, t workbook.Target) (*workbook.Subject, error) {
	if !t.Contribution() {
		d, err := a.Detail(ctx, t.AssessmentID)
		if err != nil {
			return nil, err
		}
		return &workbook.Subject{Detail: d, Target: workbook.Target{AssessmentID: d.Assessment.ID}}, nil
	}
	cn, national, requester, answers, err := a.db.ContributionContent(ctx, t.ContributionID)
	if err != nil {
		return nil, err
	}
	if national.ID != t.AssessmentID && t.AssessmentID != 0 {
		return nil, assessment.NotFound("contribution")
	}
	fw, err := framework.Get(national.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	cd := assessment.NewContributionDetail(fw, cn, national, requester, answers)
	return &workbook.Subject{Detail: cd.Detail, CD: cd, Target: workbook.Target{AssessmentID: national.ID, ContributionID: cn.ID}}, nil
}

// WriteWorkbook writes the target's workbook in lang, dated now.
func (a *App) WriteWorkbook(ctx context.Context, t *workbook.Subject, lang string, now time.Time, w io.Writer) error {
	key, err := a.db.WorkbookKey(ctx)
	if err != nil {
		return err
	}
	return workbook.Write(w, workbook.Source{Detail: t.Detail, Target: t.Target, Lang: lang, Judgements: t.CD == nil}, key, now)
}

// PreviewWorkbook parses an uploaded workbook and compares it with the
// target as stored now.
func (a *App) PreviewWorkbook(ctx context.Context, t *workbook.Subject, data []byte) (*workbook.Preview, error) {
	key, err := a.db.WorkbookKey(ctx)
	if err != nil {
		return nil, err
	}
	p, err := workbook.Parse(data, key)
	if err != nil {
		return nil, err
	}
	if err := workbook.CheckTarget(p, t.Target, t.Detail.Framework.Version); err != nil {
		return nil, err
	}
	return workbook.Compare(p, t.Detail)
}

// ApplyWorkbook saves a preview's writes in one transaction, recorded as
// imported from a workbook.
func (a *App) ApplyWorkbook(ctx context.Context, by assessment.Actor, t *workbook.Subject, pv *workbook.Preview) error {
	if pv.Empty() {
		pv.Applied = true // nothing to write: the assessment is left untouched
		return nil
	}
	by.Via = "workbook"
	err := a.db.ImportAnswers(ctx, by, t.Target.AssessmentID, t.Target.ContributionID, pv.Answers, pv.States)
	if err != nil {
		return assessment.ExplainConflict(t.Detail.Framework, err)
	}
	pv.Applied = true
	return nil
}
