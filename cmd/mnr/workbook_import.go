package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// workbookImport: mnr workbook import --in F [--dry-run] prints the
// preview as JSON (the API's shape) and, without --dry-run, applies it
// into the assessment or contribution the workbook was downloaded from.
func (m *Main) workbookImport(ctx context.Context, args []string) error {
	fs := m.flags("workbook import")
	dsn := dbFlag(fs)
	in := fs.String("in", "", "the filled workbook (required)")
	dry := fs.Bool("dry-run", false, "show what would change, change nothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" {
		return errors.New("--in is required")
	}
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, workbook.MaxSize+1))
	if err != nil {
		return err
	}
	if err := workbook.CheckSize(int64(len(data))); err != nil {
		return err
	}
	a, err := m.workbookApp(ctx, *dsn)
	if err != nil {
		return err
	}
	by := assessment.System
	by.Name = "command line"
	pv, err := a.ImportWorkbook(ctx, by, data, *dry)
	if err != nil {
		return fmt.Errorf("workbook import %s: %w", *in, err)
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pv); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "new %d, changed %d, conflicts %d (left as they are), applied %v\n", len(pv.New), len(pv.Changed), len(pv.Conflicts), pv.Applied)
	return nil
}
