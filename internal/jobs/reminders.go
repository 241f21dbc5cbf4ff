package jobs

import (
	"context"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// DueSoonReminders leaves a "due soon" (or "overdue") notification for
// everyone who answers an open contribution due within
// assessment.DueSoonDays, once per person and contribution (the dedupe key),
// unless the assessment it feeds is approved. It returns how many
// reminders it offered; the database keeps only the first of each.
func DueSoonReminders(ctx context.Context, db *store.Store, now time.Time) (int, error) {
	tasks, err := db.OpenDatedContributions(ctx)
	if err != nil {
		return 0, err
	}
	var reminders []assessment.Notification
	for _, task := range tasks {
		cn := task.Contribution
		if !cn.DueSoon(now) || task.Assessment.Status == assessment.StatusApproved {
			continue
		}
		members, err := db.Members(ctx, cn.OrganisationID)
		if err != nil {
			return 0, err
		}
		for _, m := range members {
			if policy.CanEditContribution(&policy.Principal{User: assessment.User{ID: m.UserID}, Memberships: []assessment.Membership{m}}, &cn) {
				reminders = append(reminders, assessment.DueSoonNotice(task.Assessment, cn, m.UserID, now))
			}
		}
	}
	if len(reminders) == 0 {
		return 0, nil
	}
	return len(reminders), db.Notify(ctx, reminders...)
}
