package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// NotifyActionStatus is the kind of notification sent when an action's
// status changes after approval.
const NotifyActionStatus = "action_status"

// notifyActionStatus tells the assessment's coordinators that an action of
// its approved plan moved on (message NotifMsgActionStatus_<status>).
func notifyActionStatus(tx *gorm.DB, now time.Time, by assessment.Actor, a assessmentRow, r actionRow) error {
	users, err := membersWithRoles(tx, a.OrganisationID, assessment.RoleCoordinator)
	if err != nil {
		return err
	}
	msg := NotificationText("NotifMsgActionStatus_"+r.Status, map[string]string{"Actor": by.Name, "Action": r.Title,
		"Title": a.Title, "Period": a.Period})
	var ns []Notification
	for _, u := range users {
		if u != by.UserID {
			ns = append(ns, Notification{UserID: u, Kind: NotifyActionStatus, Message: msg,
				Link: fmt.Sprintf("/assessments/%d/plan#action-%d", a.ID, r.ID)})
		}
	}
	return notifyTx(tx, now, ns...)
}
