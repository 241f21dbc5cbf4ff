package main

import (
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// The CLI exports the demo's assessment in French, and imports it back
// filled: the dry run prints the preview and changes nothing, the import
// applies it.
func TestWorkbookCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mnr.db")
	run(t, "", "demo", "-db", db)
	file := filepath.Join(dir, "national.xlsx")
	run(t, "", "workbook", "export", "-db", db, "--assessment", "2", "--lang", "fr", "--out", file)

	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	key, sheet, row := "", "", 0
	for _, s := range f.GetSheetList()[1:] {
		rows, _ := f.GetRows(s)
		for i, r := range rows {
			if i >= 2 && len(r) > 3 && r[3] != "" && (len(r) < 5 || r[4] == "") && row == 0 {
				key, sheet, row = r[0], s, i+1
			}
		}
	}
	if row == 0 {
		t.Fatal("no unanswered indicator in the demo's workbook")
	}
	f.SetCellStr(sheet, "E"+strconv.Itoa(row), "Oui")
	f.SetCellStr(sheet, "F"+strconv.Itoa(row), "Rapport annuel 2025 de l'unité")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}

	var dry struct {
		New     []map[string]any `json:"new"`
		Applied bool             `json:"applied"`
	}
	if err := json.Unmarshal([]byte(run(t, "", "workbook", "import", "-db", db, "--in", file, "--dry-run")), &dry); err != nil {
		t.Fatal(err)
	}
	if len(dry.New) != 1 || dry.New[0]["number"] != key || dry.Applied {
		t.Fatalf("dry run: %+v", dry)
	}
	indicator := dry.New[0]["key"].(string)
	if a := answerIn(t, db, indicator); a.Value != "" {
		t.Fatalf("the dry run saved %+v", a)
	}
	out := run(t, "", "workbook", "import", "-db", db, "--in", file)
	if !strings.Contains(out, `"applied": true`) {
		t.Fatalf("import: %s", out)
	}
	if a := answerIn(t, db, indicator); a.Value != assessment.Yes || a.Evidence != "Rapport annuel 2025 de l'unité" || a.UpdatedBy != "command line" {
		t.Fatalf("imported answer: %+v", a)
	}

	// An agency's contribution exports on its own and comes back unchanged.
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
	store, err := m.open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := store.Contributions(context.Background(), 2)
	m.Close()
	cfile := filepath.Join(dir, "agency.xlsx")
	run(t, "", "workbook", "export", "-db", db, "--assessment", "2", "--contribution", strconv.FormatInt(list[0].ID, 10), "--lang", "ar", "--out", cfile)
	if out := run(t, "", "workbook", "import", "-db", db, "--in", cfile, "--dry-run"); !strings.Contains(out, `"new": []`) || !strings.Contains(out, `"changed": []`) {
		t.Fatalf("unchanged contribution: %s", out)
	}
}

func answerIn(t *testing.T, db, key string) assessment.Answer {
	t.Helper()
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
	defer m.Close()
	s, err := m.open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, answers, err := s.AssessmentContent(context.Background(), 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range answers {
		if a.IndicatorKey == key {
			return a
		}
	}
	t.Fatalf("no answer %s", key)
	return assessment.Answer{}
}
