package assessment

import "slices"

// The one rule of a plan after approval: its content is locked like the
// assessment, but implementation goes on, so an action's status and status
// note still change. Store and handlers both call CheckActionChange.

// ActionContentChanged reports whether next differs from cur in anything
// but the status and its note.
func ActionContentChanged(cur, next PlanAction) bool {
	return cur.CapabilityKey != next.CapabilityKey || cur.Title != next.Title || cur.Description != next.Description ||
		!slices.Equal(cur.Indicators, next.Indicators) || !sameID(cur.OwnerOrganisationID, next.OwnerOrganisationID) ||
		(next.OwnerOrganisationID == nil && cur.OwnerName != next.OwnerName) || cur.Contact != next.Contact ||
		FormatDay(cur.StartDate) != FormatDay(next.StartDate) || FormatDay(cur.DueDate) != FormatDay(next.DueDate) ||
		!sameID(cur.BudgetCents, next.BudgetCents) || cur.Currency != next.Currency || cur.Funding != next.Funding
}

// StatusChanged reports whether the status or its note differ.
func (a PlanAction) StatusChanged(next PlanAction) bool {
	return a.Status != next.Status || a.StatusNote != next.StatusNote
}

func sameID(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// errPlanLocked is the conflict of changing a locked plan's content.
func errPlanLocked() *Error {
	e := Errorf(ECONFLICT, "this assessment is approved, so its action plan is locked; only an action's status and status note can change until it is reopened")
	e.Field = "status"
	return e
}

// CheckActionChange applies the rule to an edit of cur into next, on an
// assessment in status st.
func CheckActionChange(st Status, cur, next PlanAction) error {
	if cur.Continued() {
		return Errorf(ECONFLICT, "this action continues in the next cycle; update it there")
	}
	if st == StatusApproved && ActionContentChanged(cur, next) {
		return errPlanLocked()
	}
	return nil
}

// CheckPlanOpen refuses adding or removing actions on an approved
// assessment, and removing an action that continues in the next cycle.
func CheckPlanOpen(st Status, cur *PlanAction) error {
	if st == StatusApproved {
		return errPlanLocked()
	}
	if cur != nil && cur.Continued() {
		return Errorf(ECONFLICT, "this action continues in the next cycle; update it there")
	}
	return nil
}
