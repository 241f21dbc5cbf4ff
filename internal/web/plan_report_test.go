package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The progress view counts the previous cycle's actions done since, beside
// the phase change; the report and every export carry the plan.
func TestPlanProgressAndReport(t *testing.T) {
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 2}, "Decree 7/2025")
	tok := f.token(f.coordinator)
	for i, st := range []string{"done", "done", "in_progress", "planned", "dropped", "planned"} {
		f.createAction(f.assess, with(f.actionBody(fmt.Sprintf("Step %d", i+1)), "status", st))
	}
	f.approve(f.assess)
	next := f.nextCycle(f.session(f.coordinator), f.assess, "2027")
	workSetPhase(t, f.fixture, next, "leadership", 3)
	carried, _ := f.db.Actions(t.Context(), next)
	if len(carried) != 3 {
		t.Fatalf("%d actions carried, want 3", len(carried))
	}
	res := f.api(tok, "PUT", fmt.Sprintf("/api/v1/actions/%d", carried[0].ID), with(f.actionBody("Step 3"), "version", 1,
		"budget_amount", "125000.50", "status", "done", "status_note", "Adopted by decree."))
	if res.Status != 200 {
		t.Fatalf("done in the new cycle: %d %s", res.Status, res.Raw)
	}
	_, doc := f.session(f.owner).get(fmt.Sprintf("/organisations/%d/progress", f.org.ID))
	cell := strings.TrimSpace(doc.Find(`tr[data-capability="leadership"] td.plan-progress`).Text())
	if cell != "3 of 5 actions done; phase 2 → 3" {
		t.Errorf("progress cell = %q", cell)
	}
	if c := strings.TrimSpace(doc.Find(`tr[data-capability="legislation"] td.plan-progress`).Text()); c != "" {
		t.Errorf("legislation had no actions, shows %q", c)
	}
	// The API gives the same counts.
	prog := f.api(tok, "GET", fmt.Sprintf("/api/v1/organisations/%d/progress", f.org.ID), nil)
	counts := map[string]any{}
	for _, c := range prog.Body["capabilities"].([]any) {
		cm := c.(map[string]any)
		counts[cm["key"].(string)] = cm["actions"]
	}
	if got, _ := counts["leadership"].(map[string]any); got["done"] != 3.0 || got["total"] != 5.0 || counts["legislation"] != nil {
		t.Errorf("progress API actions: leadership %v, legislation %v (%d %s)", counts["leadership"], counts["legislation"], prog.Status, prog.Raw)
	}

	// The report of the first cycle, as the reviewer reads it.
	b := f.session(f.reviewer)
	_, rep := b.get(fmt.Sprintf("/assessments/%d/report", f.assess.ID))
	sec := rep.Find("#report-plan")
	if sec.Length() != 1 || sec.Find("tr[data-action]").Length() != 6 || !strings.Contains(sec.Text(), "Demoland Police") ||
		!strings.Contains(sec.Text(), "1,250.50") && !strings.Contains(sec.Text(), "125,000.50") {
		t.Errorf("report plan section: %q", sec.Text())
	}
	get := func(path string) []byte {
		r, err := b.http.Get(f.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		body, _ := io.ReadAll(r.Body)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, r.StatusCode)
		}
		return body
	}
	csvText := string(get(fmt.Sprintf("/assessments/%d/export.csv", f.assess.ID)))
	if !strings.Contains(csvText, "\n\nAction id,Capability number") || strings.Count(csvText, "Step ") != 6 {
		t.Errorf("csv without the plan table")
	}
	var js struct {
		Actions []map[string]any `json:"actions"`
	}
	if err := json.Unmarshal(get(fmt.Sprintf("/assessments/%d/export.json", f.assess.ID)), &js); err != nil || len(js.Actions) != 6 {
		t.Fatalf("json actions: %d %v", len(js.Actions), err)
	}
	if a := js.Actions[2]; a["title"] != "Step 3" || a["status"] != "in_progress" || a["budget_amount"] != 125000.5 {
		t.Errorf("json action: %v", a)
	}
	x, err := excelize.OpenReader(bytes.NewReader(get(fmt.Sprintf("/assessments/%d/export.xlsx", f.assess.ID))))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Action plan")
	if err != nil || len(rows) != 7 || rows[1][4] != "Step 1" || rows[1][7] != "Demoland Police" {
		t.Errorf("xlsx plan sheet: %v %v", rows, err)
	}
}
