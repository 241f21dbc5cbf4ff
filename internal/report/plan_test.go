package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

func day(s string) *time.Time {
	d, _ := time.Parse(time.DateOnly, s)
	return &d
}

func cents(n int64) *int64 { return &n }

// planReport: three actions in two currencies on 2026-06-01: one overdue,
// one done, one without budget.
func planReport(t *testing.T) *Report {
	r := fixtureReport(t, false)
	police := int64(7)
	actions := []assessment.PlanAction{
		{ID: 1, CapabilityKey: "leadership", Title: "Adopt the strategy", OwnerOrganisationID: &police, OwnerName: "Police",
			DueDate: day("2026-03-31"), BudgetCents: cents(1250050), Currency: "EUR", Funding: assessment.FundingDonor, Status: assessment.ActionInProgress},
		{ID: 2, CapabilityKey: "leadership", Title: formula, OwnerName: "Ministry of Finance",
			DueDate: day("2026-01-31"), BudgetCents: cents(500000), Currency: "USD", Funding: assessment.FundingDomestic, Status: assessment.ActionDone},
		{ID: 3, CapabilityKey: "legislation", Title: "Amend the penal code", OwnerName: "Parliament", Funding: assessment.FundingUnfunded, Status: assessment.ActionBlocked},
	}
	r.AttachPlan(mustFramework(t), actions, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	return r
}

func TestPlanTotalsAndOverdue(t *testing.T) {
	p := planReport(t).Plan
	if len(p.Rows) != 3 || p.Overdue != 1 || p.Done != 1 || p.Unbudgeted != 1 || len(p.Totals) != 2 {
		t.Fatalf("plan = %+v", p)
	}
	if p.Totals[0].Currency != "EUR" || p.Totals[0].Cents != 1250050 || p.Totals[0].ByFunding[0].Funding != assessment.FundingDonor {
		t.Errorf("EUR total = %+v", p.Totals[0])
	}
	if len(p.Domains) != 1 || len(p.Domains[0].Capabilities) != 2 || p.Domains[0].Capabilities[0].Capability.Key != "leadership" {
		t.Errorf("grouping: %+v", p.Domains)
	}
	f := BuildPlan(mustFramework(t), []assessment.PlanAction{p.Rows[0].Action, p.Rows[1].Action}, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), PlanFilter{Overdue: true})
	if len(f.Rows) != 1 || f.Rows[0].Action.ID != 1 || f.All != 2 {
		t.Errorf("overdue filter: %+v", f.Rows)
	}
}

func TestPlanExports(t *testing.T) {
	r := planReport(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	rd := csv.NewReader(strings.NewReader(text))
	rd.FieldsPerRecord = -1
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n := indicatorsInScope(r) + 1
	// The plan table follows an empty line (which readers skip) under its own header.
	if len(recs) != n+4 || strings.Join(recs[n], ",") != strings.Join(planColumns, ",") || !strings.Contains(text, "\n\nAction id,") {
		t.Fatalf("csv plan table: %d records; %v", len(recs), recs[len(recs)-4:])
	}
	if got := recs[n+1]; got[4] != "Adopt the strategy" || got[11] != "yes" || got[12] != "12500.50" || got[13] != "EUR" {
		t.Errorf("first action row: %v", got)
	}
	if got := recs[n+2][4]; got != "'"+formula {
		t.Errorf("formula title came back as %q", got)
	}

	buf.Reset()
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetPlan)
	if err != nil || len(rows) != 4 || rows[1][4] != "Adopt the strategy" || rows[3][15] != "blocked" {
		t.Fatalf("plan sheet: %v %v", rows, err)
	}

	buf.Reset()
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Actions []map[string]any `json:"actions"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil || len(out.Actions) != 3 {
		t.Fatalf("json actions: %v %v", out.Actions, err)
	}
	if a := out.Actions[0]; a["budget_amount"] != 12500.5 || a["overdue"] != true || a["owner_organisation_id"] != float64(7) || a["capability"] != "leadership" {
		t.Errorf("json action: %v", a)
	}
}

func TestPlanTimelineMirrored(t *testing.T) {
	p := planReport(t).Plan
	tx := TimelineText{Title: "T", Desc: "D", Quarter: func(y, q int) string { return "Q" }, Label: func(r PlanRow) string { return r.Action.Title }}
	now := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	en, ar := string(PlanTimelineSVG(p, "en", now, tx)), string(PlanTimelineSVG(p, "ar", now, tx))
	if strings.Count(en, "timeline-row") != 2 || !strings.Contains(en, `text-anchor="end"`) || !strings.Contains(ar, `text-anchor="start"`) || en == ar {
		t.Errorf("timeline:\n%s\n%s", en, ar)
	}
}
