package app

import (
	"context"
	"slices"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// AssignmentInput is the overview's assign / unassign form.
type AssignmentInput struct {
	Capability string
	Action     string // assign or unassign
	UserID     int64
}

// Assign gives a capability of d to a contributor of its organisation, or
// takes it back: owners and coordinators only (403); an unknown action, a
// user who is no contributor, or one not assigned to take back is invalid
// (422). A new assignment tells the user (assessment.AssignedNotices). It
// returns the capability and whether it was assigned.
func (a *App) Assign(ctx context.Context, p *policy.Principal, by assessment.Actor, d *assessment.Detail, in AssignmentInput) (*assessment.CapabilityDetail, bool, error) {
	if !policy.CanAssign(p, &d.Assessment) {
		return nil, false, assessment.Errorf(assessment.EFORBIDDEN, "Only the organisation's owners and coordinators assign capabilities.")
	}
	cd, err := d.InScope(in.Capability)
	if err != nil {
		return nil, false, err
	}
	assign := in.Action == "assign"
	if !assign && in.Action != "unassign" {
		return cd, false, assessment.FieldError("action", "must be assign or unassign")
	}
	if err := a.mayAssign(ctx, d, cd.Capability.Key, in.UserID, assign); err != nil {
		return cd, assign, err
	}
	return cd, assign, a.db.SetAssignment(ctx, by, d.Assessment.ID, cd.Capability.Key, in.UserID, assign, assessment.AssignedNotices)
}

// mayAssign: only a contributor may be given a capability, and only one
// assigned to it may be taken off it.
func (a *App) mayAssign(ctx context.Context, d *assessment.Detail, key string, uid int64, assign bool) error {
	members, err := a.db.Members(ctx, d.Assessment.OrganisationID)
	if err != nil {
		return err
	}
	var target *assessment.Membership
	for i, m := range members {
		if m.UserID == uid {
			target = &members[i]
		}
	}
	if assign && (target == nil || !policy.CanBeAssigned(target.Role)) {
		return assessment.FieldError("user", "choose a contributor of this organisation")
	}
	if assign {
		return nil
	}
	current, err := a.db.Assignments(ctx, d.Assessment.ID)
	if err != nil {
		return err
	}
	if !slices.Contains(current[key], uid) {
		return assessment.FieldError("user", "is not assigned to this capability")
	}
	return nil
}
