package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// AttachPlan adds the assessment's action plan to the report, for its
// section and the exports; now decides which actions are overdue.
func (r *Report) AttachPlan(fw *framework.Framework, actions []assessment.PlanAction, now time.Time) {
	r.Plan = BuildPlan(fw, actions, nil, now, PlanFilter{})
}

// SheetPlan is the workbook's action plan sheet.
const SheetPlan = "Action plan"

// planColumns head the action plan's table in the CSV and the workbook.
var planColumns = []string{
	"Action id", "Capability number", "Capability key", "Capability", "Action", "Description", "Indicators",
	"Responsible organisation", "Contact", "Start date", "Due date", "Overdue", "Budget", "Currency", "Funding",
	"Status", "Status note", "Status date", "Continues action", "Files",
}

// planRows are the plan's actions, one row each, in plan order.
func planRows(r *Report) [][]answerCell {
	if r.Plan == nil {
		return nil
	}
	var rows [][]answerCell
	for _, pr := range r.Plan.Rows {
		a := pr.Action
		var budget, prev answerCell
		if a.BudgetCents != nil {
			budget = assessment.FormatAmount(*a.BudgetCents)
		}
		if a.PreviousID != nil {
			prev = int(*a.PreviousID)
		}
		overdue := "no"
		if pr.Overdue {
			overdue = "yes"
		}
		statusAt := ""
		if a.StatusAt != nil {
			statusAt = timeText(*a.StatusAt)
		}
		rows = append(rows, []answerCell{int(a.ID), pr.Capability.Label(), a.CapabilityKey, pr.Capability.Name.In(r.Lang), a.Title,
			a.Description, strings.Join(a.Indicators, " "), a.OwnerName, a.Contact, assessment.FormatDay(a.StartDate),
			assessment.FormatDay(a.DueDate), overdue, budget, a.Currency, string(a.Funding), string(a.Status), a.StatusNote, statusAt, prev,
			r.actionFilesCell(a.ID)})
	}
	return rows
}

// writePlanCSV appends the action plan to the CSV as a second table, after
// an empty line, under its own header (readers must allow rows of another
// length: docs/api.md).
func writePlanCSV(cw *csv.Writer, r *Report) error {
	rows := planRows(r)
	if len(rows) == 0 {
		return nil
	}
	if err := cw.Write([]string{""}); err != nil {
		return fmt.Errorf("report csv: plan: %w", err)
	}
	if err := cw.Write(planColumns); err != nil {
		return fmt.Errorf("report csv: plan header: %w", err)
	}
	rec := make([]string, len(planColumns))
	for i, row := range rows {
		for j, v := range row {
			rec[j] = cellText(v)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("report csv: action row %d: %w", i+1, err)
		}
	}
	return nil
}

// plan writes the "Action plan" sheet (a header row only when the plan is
// empty, so readers always find the sheet).
func (x *xlsx) plan(r *Report) {
	if _, err := x.f.NewSheet(SheetPlan); err != nil {
		x.do(err)
		return
	}
	var rows [][]any
	for _, row := range planRows(r) {
		vals := make([]any, len(row))
		for i, v := range row {
			vals[i] = v
		}
		rows = append(rows, vals)
	}
	x.table(SheetPlan, 1, planColumns, rows)
	x.freezeHeader(SheetPlan)
	x.widths(SheetPlan, 9, 9, 22, 36, 44, 50, 24, 32, 24, 12, 12, 9, 14, 9, 11, 12, 44, 22, 10, 60)
}

// ActionJSON is an action in the JSON export (the API's field names).
type ActionJSON struct {
	ID                  int64        `json:"id"`
	Capability          string       `json:"capability"`
	Title               string       `json:"title"`
	Description         string       `json:"description"`
	Indicators          []string     `json:"indicators"`
	OwnerOrganisationID *int64       `json:"owner_organisation_id"`
	OwnerName           string       `json:"owner_name"`
	Contact             string       `json:"contact"`
	StartDate           *string      `json:"start_date"`
	DueDate             *string      `json:"due_date"`
	BudgetAmount        *json.Number `json:"budget_amount"`
	Currency            string       `json:"currency"`
	Funding             string       `json:"funding"`
	Status              string       `json:"status"`
	StatusNote          string       `json:"status_note"`
	StatusAt            *time.Time   `json:"status_at"`
	Overdue             bool         `json:"overdue"`
	PreviousID          *int64       `json:"previous_id"`
	Version             int          `json:"version"`
}

func (r *Report) actionsJSON() []ActionJSON {
	out := []ActionJSON{}
	if r.Plan == nil {
		return out
	}
	for _, pr := range r.Plan.Rows {
		a := pr.Action
		aj := ActionJSON{ID: a.ID, Capability: a.CapabilityKey, Title: a.Title, Description: a.Description, Indicators: nonNil(a.Indicators),
			OwnerOrganisationID: a.OwnerOrganisationID, OwnerName: a.OwnerName, Contact: a.Contact, StartDate: dayPtr(a.StartDate),
			DueDate: dayPtr(a.DueDate), Currency: a.Currency, Funding: string(a.Funding), Status: string(a.Status), StatusNote: a.StatusNote,
			StatusAt: a.StatusAt, Overdue: pr.Overdue, PreviousID: a.PreviousID, Version: a.Version}
		if a.BudgetCents != nil {
			n := json.Number(assessment.FormatAmount(*a.BudgetCents))
			aj.BudgetAmount = &n
		}
		out = append(out, aj)
	}
	return out
}

func dayPtr(d *time.Time) *string {
	if d == nil {
		return nil
	}
	s := assessment.FormatDay(d)
	return &s
}
