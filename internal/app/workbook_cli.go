package app

import (
	"context"
	"io"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// ExportWorkbook writes the workbook of an assessment or a contribution,
// for the command line (the operator: no principal, no policy).
func (a *App) ExportWorkbook(ctx context.Context, t workbook.Target, lang string, now time.Time, w io.Writer) error {
	if !i18n.Supported(lang) {
		return assessment.FieldError("lang", "must be one of en, ar, fr, es")
	}
	target, err := a.WorkbookSubject(ctx, t)
	if err != nil {
		return err
	}
	return a.WriteWorkbook(ctx, target, lang, now, w)
}

// ImportWorkbook previews, and unless dryRun applies, a workbook into the
// assessment or contribution it was downloaded from, for the command line:
// the same checks and writes as an upload, recorded for the actor by.
func (a *App) ImportWorkbook(ctx context.Context, by assessment.Actor, data []byte, dryRun bool) (*workbook.Preview, error) {
	key, err := a.db.WorkbookKey(ctx)
	if err != nil {
		return nil, err
	}
	p, err := workbook.Parse(data, key)
	if err != nil {
		return nil, err
	}
	t, err := a.WorkbookSubject(ctx, p.Target)
	if err != nil {
		return nil, err
	}
	pv, err := a.PreviewWorkbook(ctx, t, data)
	if err != nil || dryRun {
		return pv, err
	}
	return pv, a.ApplyWorkbook(ctx, by, t, pv)
}
