package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// writeOrganisationExport writes an organisation's data as JSON to a new
// file, readable only by its owner, row by row (memory stays at one row
// whatever the size of its evidence files), and syncs it, so the data is
// safely on disk before the deletion; a failed one is removed. Binary columns (the files' bytes,
// evidence_chunks.data) are base64, as JSON writes bytes.
func writeOrganisationExport(ctx context.Context, db *store.Store, id int64, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("export file: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = encodeOrganisation(ctx, db, id, w)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path) // a partial export is no export: nothing is deleted, and the next try may use the name
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

func encodeOrganisation(ctx context.Context, db *store.Store, id int64, w *bufio.Writer) error {
	head, err := json.Marshal(map[string]any{"app": "mnr-self-assessment", "exported_at": time.Now().UTC(),
		"organisation_id": id, "binary_columns": "base64"})
	if err != nil {
		return err
	}
	w.Write(head[:len(head)-1]) // the header's fields, then "tables" in the same object
	w.WriteString(",\n\"tables\":{")
	for i, table := range store.OrganisationExportTables() {
		if i > 0 {
			w.WriteString(",")
		}
		fmt.Fprintf(w, "\n%q:[", table)
		n := 0
		err := db.EachOrganisationRow(ctx, id, table, func(row map[string]any) error {
			b, err := json.Marshal(row)
			if err != nil {
				return err
			}
			if n++; n > 1 {
				w.WriteString(",")
			}
			w.WriteString("\n")
			_, err = w.Write(b)
			return err
		})
		if err != nil {
			return err
		}
		w.WriteString("]")
	}
	_, err = w.WriteString("\n}}\n")
	return err
}
