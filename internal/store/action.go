package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// actionRow is one action of a national plan (migration 00008).
type actionRow struct {
	ID                  int64 `gorm:"primaryKey"`
	AssessmentID        int64
	CapabilityKey       string
	Title               string
	Description         string
	Indicators          string // keys, one per line
	OwnerOrganisationID *int64
	OwnerName           string
	Contact             string
	StartDate, DueDate  *string
	BudgetCents         *int64
	Currency            string
	Funding             string
	Status              string
	StatusNote          string
	StatusAt            *time.Time
	Version             int
	PreviousActionID    *int64
	CarriedToID         *int64
	CreatedAt           time.Time
	UpdatedAt           time.Time
	UpdatedBy           string
}

func (actionRow) TableName() string { return "actions" }

type actionUpdateRow struct {
	ID       int64 `gorm:"primaryKey"`
	ActionID int64
	At       time.Time
	UserID   *int64
	Actor    string
	Status   string
	Note     string
}

func (actionUpdateRow) TableName() string { return "action_updates" }

func actionRowOf(a assessment.PlanAction) actionRow {
	return actionRow{ID: a.ID, AssessmentID: a.AssessmentID, CapabilityKey: a.CapabilityKey, Title: a.Title,
		Description: a.Description, Indicators: strings.Join(a.Indicators, "\n"), OwnerOrganisationID: a.OwnerOrganisationID,
		OwnerName: a.OwnerName, Contact: a.Contact, StartDate: dayText(a.StartDate), DueDate: dayText(a.DueDate),
		BudgetCents: a.BudgetCents, Currency: a.Currency, Funding: string(a.Funding), Status: string(a.Status),
		StatusNote: a.StatusNote, StatusAt: a.StatusAt, Version: a.Version, PreviousActionID: a.PreviousID,
		CarriedToID: a.CarriedToID, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, UpdatedBy: a.UpdatedBy}
}

func (r actionRow) domain() assessment.PlanAction {
	a := assessment.PlanAction{ID: r.ID, AssessmentID: r.AssessmentID, CapabilityKey: r.CapabilityKey, Title: r.Title,
		Description: r.Description, Indicators: []string{}, OwnerOrganisationID: r.OwnerOrganisationID, OwnerName: r.OwnerName,
		Contact: r.Contact, StartDate: dayOf(r.StartDate), DueDate: dayOf(r.DueDate), BudgetCents: r.BudgetCents,
		Currency: r.Currency, Funding: assessment.Funding(r.Funding), Status: assessment.ActionStatus(r.Status),
		StatusNote: r.StatusNote, StatusAt: r.StatusAt, Version: r.Version, PreviousID: r.PreviousActionID,
		CarriedToID: r.CarriedToID, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy}
	if r.Indicators != "" {
		a.Indicators = strings.Split(r.Indicators, "\n")
	}
	return a
}

func dayText(d *time.Time) *string {
	if d == nil {
		return nil
	}
	s := assessment.FormatDay(d)
	return &s
}

func dayOf(s *string) *time.Time {
	if s == nil {
		return nil
	}
	d, err := time.Parse(time.DateOnly, *s)
	if err != nil {
		return nil
	}
	return &d
}

// actionAudit is what the audit trail records of an action.
func actionAudit(r actionRow) map[string]any {
	return map[string]any{"capability": r.CapabilityKey, "title": r.Title, "description": r.Description,
		"indicators": r.Indicators, "owner_organisation_id": r.OwnerOrganisationID, "owner_name": r.OwnerName,
		"contact": r.Contact, "start_date": r.StartDate, "due_date": r.DueDate, "budget_cents": r.BudgetCents,
		"currency": r.Currency, "funding": r.Funding, "status": r.Status, "status_note": r.StatusNote, "version": r.Version}
}

// Action reads one action, with its responsible organisation's current
// name when it is on the platform.
func (s *Store) Action(ctx context.Context, id int64) (assessment.PlanAction, error) {
	var r actionRow
	if err := s.read(ctx).First(&r, id).Error; err != nil {
		return assessment.PlanAction{}, notFound(err, "action")
	}
	out, err := s.withOwnerNames(ctx, []actionRow{r})
	if err != nil {
		return assessment.PlanAction{}, err
	}
	return out[0], nil
}

// Actions lists an assessment's actions in capability order of creation.
func (s *Store) Actions(ctx context.Context, assessmentID int64) ([]assessment.PlanAction, error) {
	var rows []actionRow
	if err := s.read(ctx).Where("assessment_id = ?", assessmentID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list actions: %w", err)
	}
	return s.withOwnerNames(ctx, rows)
}

// withOwnerNames converts rows, naming platform organisations by their
// current name (one query whatever the number of actions).
func (s *Store) withOwnerNames(ctx context.Context, rows []actionRow) ([]assessment.PlanAction, error) {
	var ids []int64
	for _, r := range rows {
		if r.OwnerOrganisationID != nil {
			ids = append(ids, *r.OwnerOrganisationID)
		}
	}
	names := map[int64]string{}
	if len(ids) > 0 {
		var orgs []struct {
			ID   int64
			Name string
		}
		if err := s.read(ctx).Table("organisations").Select("id, name").Where("id IN ?", ids).Scan(&orgs).Error; err != nil {
			return nil, fmt.Errorf("name action owners: %w", err)
		}
		for _, o := range orgs {
			names[o.ID] = o.Name
		}
	}
	out := make([]assessment.PlanAction, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
		if r.OwnerOrganisationID != nil && names[*r.OwnerOrganisationID] != "" {
			out[i].OwnerName = names[*r.OwnerOrganisationID]
		}
	}
	return out, nil
}

// ActionUpdates returns the status history of the given actions, oldest
// first, by action id.
func (s *Store) ActionUpdates(ctx context.Context, actionIDs []int64) (map[int64][]assessment.ActionUpdate, error) {
	out := map[int64][]assessment.ActionUpdate{}
	if len(actionIDs) == 0 {
		return out, nil
	}
	var rows []actionUpdateRow
	if err := s.read(ctx).Where("action_id IN ?", actionIDs).Order("at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list action updates: %w", err)
	}
	for _, r := range rows {
		out[r.ActionID] = append(out[r.ActionID], assessment.ActionUpdate{ActionID: r.ActionID, At: r.At, Actor: r.Actor,
			Status: assessment.ActionStatus(r.Status), Note: r.Note})
	}
	return out, nil
}
