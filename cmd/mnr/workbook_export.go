package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/web"
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
	srv, err := m.workbookServer(ctx, *dsn)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := srv.ExportWorkbook(ctx, workbook.Target{AssessmentID: *id, ContributionID: *contribution}, *lang, f); err != nil {
		os.Remove(*out)
		return fmt.Errorf("workbook export: %w", err)
	}
	fmt.Fprintf(m.Stderr, "wrote %s\n", *out)
	return nil
}

// workbookServer opens the store and the application for a workbook
// command.
func (m *Main) workbookServer(ctx context.Context, dsn string) (*web.Server, error) {
	db, err := m.open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	fw, err := framework.Default()
	if err != nil {
		return nil, err
	}
	srv, err := web.New(web.Config{Version: version}, db, fw)
	if err != nil {
		return nil, err
	}
	m.closers = append(m.closers, srv.Close)
	return srv, nil
}
