package report

import (
	"encoding/csv"
	"fmt"
	"io"
)

// WriteCSV writes one row per indicator in scope, after a header row, with
// formula triggers defused (see SafeCell).
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(answerColumns); err != nil {
		return fmt.Errorf("report csv: header: %w", err)
	}
	rec := make([]string, len(answerColumns))
	for i, row := range answerRows(r) {
		for j, v := range row {
			rec[j] = cellText(v)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("report csv: row %d: %w", i+1, err)
		}
	}
	if err := writePlanCSV(cw, r); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("report csv: %w", err)
	}
	return nil
}
