package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
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
	var reminders []store.Notification
	for _, task := range tasks {
		cn := task.Contribution
		if !cn.DueSoon(now) || task.Assessment.Status == assessment.StatusApproved {
			continue
		}
		members, err := db.Members(ctx, cn.OrganisationID)
		if err != nil {
			return 0, err
		}
		id := "NotifMsgDueSoon"
		if cn.Overdue(now) {
			id = "NotifMsgOverdue"
		}
		msg := store.NotificationText(id, map[string]string{"Agency": cn.Agency.Name, "Title": task.Assessment.Title, "Due": cn.DueDate.Format(time.DateOnly)})
		for _, m := range members {
			if !policy.CanEditContribution(&policy.Principal{User: assessment.User{ID: m.UserID}, Memberships: []assessment.Membership{m}}, &cn) {
				continue
			}
			reminders = append(reminders, store.Notification{UserID: m.UserID, Kind: store.NotifyDueSoon, Message: msg,
				Link: links.Contribution(cn.ID), DedupeKey: fmt.Sprintf("due_soon:contribution:%d", cn.ID)})
		}
	}
	if len(reminders) == 0 {
		return 0, nil
	}
	return len(reminders), db.Notify(ctx, reminders...)
}
