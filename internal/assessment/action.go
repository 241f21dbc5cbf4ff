package assessment

import "time"

// ActionStatus is where an action of the national plan stands.
type ActionStatus string

// Action statuses. Done and dropped actions are closed: they stay with the
// cycle they belong to; the others are carried into the next cycle.
const (
	ActionPlanned    ActionStatus = "planned"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
	ActionBlocked    ActionStatus = "blocked"
	ActionDropped    ActionStatus = "dropped"
)

// ActionStatuses lists the statuses in display order.
var ActionStatuses = []ActionStatus{ActionPlanned, ActionInProgress, ActionBlocked, ActionDone, ActionDropped}

// Valid reports whether s is a known status.
func (s ActionStatus) Valid() bool {
	for _, x := range ActionStatuses {
		if x == s {
			return true
		}
	}
	return false
}

// Open reports whether work on the action continues (and so whether the
// next cycle carries it forward).
func (s ActionStatus) Open() bool { return s != ActionDone && s != ActionDropped }

// Funding says where an action's money comes from.
type Funding string

// Funding sources.
const (
	FundingDomestic Funding = "domestic"
	FundingDonor    Funding = "donor"
	FundingMixed    Funding = "mixed"
	FundingUnfunded Funding = "unfunded"
)

// Fundings lists the funding sources in display order.
var Fundings = []Funding{FundingDomestic, FundingDonor, FundingMixed, FundingUnfunded}

// Valid reports whether f is a known funding source.
func (f Funding) Valid() bool {
	for _, x := range Fundings {
		if x == f {
			return true
		}
	}
	return false
}

// PlanAction is one step of a national action plan: it belongs to an
// assessment and to one capability or enabler, is owned by a responsible
// organisation (on the platform, or named), and is followed by its status.
type PlanAction struct {
	ID            int64
	AssessmentID  int64
	CapabilityKey string
	Title         string
	Description   string
	Indicators    []string // indicator keys the action addresses
	// OwnerOrganisationID is the responsible organisation when it is on the
	// platform; OwnerName is its name then (filled on read), or the name
	// of one that is not.
	OwnerOrganisationID *int64
	OwnerName           string
	Contact             string
	StartDate, DueDate  *time.Time // days, UTC midnight
	// BudgetCents is the amount in hundredths of Currency's unit.
	BudgetCents *int64
	Currency    string
	Funding     Funding
	Status      ActionStatus
	StatusNote  string
	StatusAt    *time.Time // when the status or its note last changed
	Version     int
	// PreviousID is the action of the previous cycle this one continues;
	// CarriedToID the action of the next cycle that continues this one.
	PreviousID  *int64
	CarriedToID *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	UpdatedBy   string
}

// ActionUpdate is one dated entry of an action's status history.
type ActionUpdate struct {
	ActionID int64
	At       time.Time
	Actor    string
	Status   ActionStatus
	Note     string
}

// Overdue reports whether an open action is past its due date on day now.
func (a PlanAction) Overdue(now time.Time) bool {
	if a.DueDate == nil || !a.Status.Open() {
		return false
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return a.DueDate.Before(today)
}

// Continued reports whether the next cycle carries the action on; the
// action then belongs to the record of its cycle and no longer changes.
func (a PlanAction) Continued() bool { return a.CarriedToID != nil }
