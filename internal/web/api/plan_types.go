package api

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// apiActionBody is the JSON an action is created or saved with; the names
// are the API's contract (docs/api.md).
type apiActionBody struct {
	Capability          string          `json:"capability"`
	Title               string          `json:"title"`
	Description         string          `json:"description"`
	Indicators          []string        `json:"indicators"`
	OwnerOrganisationID *int64          `json:"owner_organisation_id"`
	OwnerName           string          `json:"owner_name"`
	Contact             string          `json:"contact"`
	StartDate           string          `json:"start_date"`
	DueDate             string          `json:"due_date"`
	BudgetAmount        json.RawMessage `json:"budget_amount"`
	Currency            string          `json:"currency"`
	Funding             string          `json:"funding"`
	Status              string          `json:"status"`
	StatusNote          string          `json:"status_note"`
	Version             *int            `json:"version"`
}

// input turns the body into the domain's input; budget_amount may be a
// JSON number or a string holding one.
func (b apiActionBody) input() (assessment.ActionInput, error) {
	in := assessment.ActionInput{Capability: b.Capability, Title: b.Title, Description: b.Description, Indicators: b.Indicators,
		OwnerOrganisationID: b.OwnerOrganisationID, OwnerName: b.OwnerName, Contact: b.Contact, StartDate: b.StartDate,
		DueDate: b.DueDate, Currency: b.Currency, Funding: b.Funding, Status: b.Status, StatusNote: b.StatusNote}
	if b.Version != nil {
		in.Version = *b.Version
	}
	raw := bytes.TrimSpace(b.BudgetAmount)
	switch {
	case len(raw) == 0 || string(raw) == "null":
	case raw[0] == '"':
		if err := json.Unmarshal(raw, &in.BudgetAmount); err != nil {
			return in, assessment.FieldError("budget_amount", "must be a number with at most two decimals, such as 250000 or 1250.50")
		}
	case raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'):
		in.BudgetAmount = string(raw)
	default:
		return in, assessment.FieldError("budget_amount", "must be a number with at most two decimals, such as 250000 or 1250.50")
	}
	return in, nil
}

// apiAction is an action as the API returns it.
type apiAction struct {
	ID                  int64             `json:"id"`
	AssessmentID        int64             `json:"assessment_id"`
	Capability          string            `json:"capability"`
	Title               string            `json:"title"`
	Description         string            `json:"description"`
	Indicators          []string          `json:"indicators"`
	OwnerOrganisationID *int64            `json:"owner_organisation_id"`
	OwnerName           string            `json:"owner_name"`
	Contact             string            `json:"contact"`
	StartDate           *string           `json:"start_date"`
	DueDate             *string           `json:"due_date"`
	BudgetAmount        *json.Number      `json:"budget_amount"`
	Currency            string            `json:"currency"`
	Funding             string            `json:"funding"`
	Status              string            `json:"status"`
	StatusNote          string            `json:"status_note"`
	StatusAt            *time.Time        `json:"status_at"`
	Overdue             bool              `json:"overdue"`
	Version             int               `json:"version"`
	PreviousID          *int64            `json:"previous_id"`
	CarriedToID         *int64            `json:"carried_to_id"`
	UpdatedAt           time.Time         `json:"updated_at"`
	UpdatedBy           string            `json:"updated_by"`
	History             []apiActionUpdate `json:"history,omitempty"`
}

type apiActionUpdate struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Status string    `json:"status"`
	Note   string    `json:"note"`
}

func apiActionOf(a assessment.PlanAction, now time.Time, history []assessment.ActionUpdate) apiAction {
	out := apiAction{ID: a.ID, AssessmentID: a.AssessmentID, Capability: a.CapabilityKey, Title: a.Title, Description: a.Description,
		Indicators: a.Indicators, OwnerOrganisationID: a.OwnerOrganisationID, OwnerName: a.OwnerName, Contact: a.Contact,
		StartDate: optDay(a.StartDate), DueDate: optDay(a.DueDate), Currency: a.Currency, Funding: string(a.Funding),
		Status: string(a.Status), StatusNote: a.StatusNote, StatusAt: a.StatusAt, Overdue: a.Overdue(now), Version: a.Version,
		PreviousID: a.PreviousID, CarriedToID: a.CarriedToID, UpdatedAt: a.UpdatedAt, UpdatedBy: a.UpdatedBy}
	if a.BudgetCents != nil {
		n := json.Number(assessment.FormatAmount(*a.BudgetCents))
		out.BudgetAmount = &n
	}
	for _, u := range history {
		out.History = append(out.History, apiActionUpdate{At: u.At, Actor: u.Actor, Status: string(u.Status), Note: u.Note})
	}
	return out
}

func optDay(d *time.Time) *string {
	if d == nil {
		return nil
	}
	s := assessment.FormatDay(d)
	return &s
}
