package assessment

import (
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// ContributionStatus is where an agency's contribution is in its life.
type ContributionStatus string

// Contribution statuses, in order. A submitted contribution is handed over
// to the coordinator and no longer changes.
const (
	ContributionInvited    ContributionStatus = "invited"
	ContributionInProgress ContributionStatus = "in_progress"
	ContributionSubmitted  ContributionStatus = "submitted"
)

// DueSoonDays is how close a due date must be for a "due soon" reminder.
const DueSoonDays = 3

// Contribution is one agency's answers to some capabilities of another
// organisation's assessment (typically a national one).
type Contribution struct {
	ID             int64
	AssessmentID   int64
	OrganisationID int64        // the agency
	Agency         Organisation // filled in by the store for display
	DueDate        *time.Time   // a calendar day at midnight UTC; nil when none
	Status         ContributionStatus
	Capabilities   []string // keys asked, in framework order
	CreatedAt      time.Time
	SubmittedAt    *time.Time
}

// Asks reports whether the agency was asked about the capability.
func (c *Contribution) Asks(capabilityKey string) bool {
	for _, k := range c.Capabilities {
		if k == capabilityKey {
			return true
		}
	}
	return false
}

// Open reports whether the agency can still answer.
func (c *Contribution) Open() bool { return c.Status != ContributionSubmitted }

// Overdue reports whether an open contribution's due date has passed.
func (c *Contribution) Overdue(now time.Time) bool {
	return c.Open() && c.DueDate != nil && c.DueDate.Before(Day(now))
}

// DueSoon reports whether an open contribution is due within DueSoonDays
// (or overdue), the moment to remind its agency.
func (c *Contribution) DueSoon(now time.Time) bool {
	return c.Open() && c.DueDate != nil && !c.DueDate.After(Day(now).AddDate(0, 0, DueSoonDays))
}

// Day is the calendar day of t, as midnight UTC: due dates are days, not
// instants.
func Day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// CheckContributionTransition enforces the order invited → in progress →
// submitted; answering keeps a contribution in progress, and nothing moves
// a submitted one.
func CheckContributionTransition(from, to ContributionStatus) error {
	switch {
	case from == ContributionSubmitted:
		return Errorf(ECONFLICT, "this contribution was submitted to the coordinator and can no longer change")
	case to == ContributionInProgress || to == ContributionSubmitted:
		return nil
	}
	return Errorf(ECONFLICT, "a contribution cannot go from %s back to %s", from.term(), to.term())
}

// term is the status as an error argument, translated on pages by the
// status's label (ContribStatus_*).
func (st ContributionStatus) term() Term {
	return Term{ID: "ContribStatus_" + string(st), English: string(st)}
}

// CheckSubmit refuses to submit a contribution with unanswered indicators:
// the coordinator needs a position on each ("Don't know" is one).
func CheckSubmit(status ContributionStatus, unanswered int) error {
	if err := CheckContributionTransition(status, ContributionSubmitted); err != nil {
		return err
	}
	if unanswered > 0 {
		// The words after the number agree with it: a Term, so that each
		// language has its own for one and for several.
		are := Term{ID: "ContribIndicatorsAreOther", English: "indicators are"}
		if unanswered == 1 {
			are = Term{ID: "ContribIndicatorsAreOne", English: "indicator is"}
		}
		return Errorf(ECONFLICT, "%d %s not answered yet; answer every indicator (Don't know is an answer) before submitting", unanswered, are)
	}
	return nil
}

// ContributionInput is what a coordinator supplies to invite an agency.
type ContributionInput struct {
	OrganisationID int64
	Capabilities   []string
	DueDate        string // YYYY-MM-DD; empty for none
}

// Validate checks the invitation against the assessment: capabilities in
// its scope, a due date not in the past, and an agency other than the
// assessment's own organisation (whose members answer directly).
func (in *ContributionInput) Validate(a *Assessment, now time.Time) (Contribution, error) {
	if in.OrganisationID <= 0 {
		return Contribution{}, FieldError("organisation_id", "is required: choose an organisation")
	}
	if in.OrganisationID == a.OrganisationID {
		return Contribution{}, FieldError("organisation_id", "is the assessment's own organisation, whose members answer it directly")
	}
	chosen := map[string]bool{}
	for _, k := range in.Capabilities {
		if !a.InScope(k) {
			return Contribution{}, FieldError("capabilities", "capability %q is not in this assessment's scope", k)
		}
		chosen[k] = true
	}
	if len(chosen) == 0 {
		return Contribution{}, FieldError("capabilities", "choose at least one capability")
	}
	c := Contribution{AssessmentID: a.ID, OrganisationID: in.OrganisationID, Status: ContributionInvited}
	for _, k := range a.Scope {
		if chosen[k] {
			c.Capabilities = append(c.Capabilities, k)
		}
	}
	if in.DueDate != "" {
		d, err := time.Parse(time.DateOnly, in.DueDate)
		if err != nil {
			return Contribution{}, FieldError("due_date", "must be a date such as %s", Day(now).AddDate(0, 1, 0).Format(time.DateOnly))
		}
		if d.Before(Day(now)) {
			return Contribution{}, FieldError("due_date", "is in the past")
		}
		c.DueDate = &d
	}
	return c, nil
}

// ContributionDetail is a contribution read with its framework: a Detail
// scoped to the capabilities asked, holding the agency's answers, so the
// questionnaire page and the API serve contributions as they serve
// assessments.
type ContributionDetail struct {
	*Detail
	Contribution Contribution
	National     Assessment   // the assessment contributed to
	Requester    Organisation // its organisation
}

// NewContributionDetail assembles a ContributionDetail from the agency's
// answers; a contribution has no phase judgements of its own.
func NewContributionDetail(fw *framework.Framework, c Contribution, national Assessment, requester Organisation, answers []Answer) *ContributionDetail {
	scoped := national
	scoped.Scope = c.Capabilities
	return &ContributionDetail{Detail: NewDetail(fw, c.Agency, scoped, nil, answers), Contribution: c, National: national, Requester: requester}
}

// String names the contribution for messages and audit events.
func (c *Contribution) String() string {
	if c.Agency.Name != "" {
		return c.Agency.Name + "'s contribution"
	}
	return fmt.Sprintf("contribution %d", c.ID)
}
