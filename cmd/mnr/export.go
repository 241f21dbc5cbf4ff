package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/mnr-self-assessment/mnr/internal/export"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// export: mnr export --assessment ID --format csv|xlsx|json|pdf [--short] --out FILE.
func (m *Main) export(ctx context.Context, args []string) error {
	fs := m.flags("export")
	dsn := dbFlag(fs)
	id := fs.Int64("assessment", 0, "assessment id (required)")
	format := fs.String("format", "pdf", "csv, xlsx, json or pdf")
	out := fs.String("out", "", "output file (required; - for standard output)")
	lang := fs.String("lang", "en", "language of the report: en, ar, fr or es")
	short := fs.Bool("short", false, "the short version of the PDF report (cover, findings, charts, capability table)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *id <= 0 || *out == "" {
		return errors.New("--assessment and --out are required")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	ex, err := export.New(db, report.ChromePath())
	if err != nil {
		return err
	}
	w := m.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if err := ex.Report(ctx, *id, *format, *lang, *short, w); err != nil {
		if *out != "-" {
			os.Remove(*out)
		}
		return fmt.Errorf("export assessment %d: %w", *id, err)
	}
	if *out != "-" {
		fmt.Fprintf(m.Stderr, "wrote %s\n", *out)
	}
	return nil
}
