package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// workbookExport: mnr workbook export --assessment ID [--contribution ID]
// --lang L --out F writes the offline workbook.
func (m *Main) workbookExport(ctx context.Context, args []string) error {
	fs := m.flags("workbook export")
	dsn := dbFlag(fs)
	id := fs.Int64("assessment", 0, "assessment id (required)")
	contribution := fs.Int64("contribution", 0, "an agency's contribution to the assessment (optional)")
	lang := fs.String("lang", "en", "language of the workbook: en, ar, fr or es")
	out := fs.String("out", "", "output file (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *id <= 0 || *out == "" {
		return errors.New("--assessment and --out are required")
	}
	a, err := m.workbookApp(ctx, *dsn)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := a.ExportWorkbook(ctx, workbook.Target{AssessmentID: *id, ContributionID: *contribution}, *lang, time.Now().UTC(), f); err != nil {
		os.Remove(*out)
		return fmt.Errorf("workbook export: %w", err)
	}
	fmt.Fprintf(m.Stderr, "wrote %s\n", *out)
	return nil
}

// workbookApp opens the store and the use cases for a workbook command.
func (m *Main) workbookApp(ctx context.Context, dsn string) (*app.App, error) {
	db, err := m.open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return app.New(db), nil
}
