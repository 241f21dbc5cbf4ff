package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// SetAssignment assigns a capability to a user (or, with assign false,
// takes it back); a new assignment tells the user
// (assessment.AssignedNotices). The caller checked the policy and the user.
func (a *App) SetAssignment(ctx context.Context, by assessment.Actor, assessmentID int64, capabilityKey string, userID int64, assign bool) error {
	return a.db.SetAssignment(ctx, by, assessmentID, capabilityKey, userID, assign, assessment.AssignedNotices)
}
