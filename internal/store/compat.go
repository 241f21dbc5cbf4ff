package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Names that files being reworked by others at the same time still use:
// the audit event under its old name (answer.go, contribution_answer.go,
// capability.go, assessment.go, organisation_partner.go, session.go) and,
// for SubmitContribution, the notification helpers, until that submit takes
// its notices from its caller (assessment.ContributionSubmittedNotices) like
// the other writes. Switch those files and remove this one when they land.

// AuditEvent is the domain's audit event.
type AuditEvent = assessment.AuditEvent

// Notification is the domain's notification.
type Notification = assessment.Notification

// NotifySubmitted is the domain's kind.
const NotifySubmitted = assessment.NotifySubmitted

// NotificationText is the domain's message encoding.
func NotificationText(id string, args map[string]string) string {
	return assessment.NotificationText(id, args)
}

// notifyRoles sends n to every member of the organisation with one of the
// roles, inside the caller's transaction, and returns what it sent (nil
// when no one).
func notifyRoles(tx *gorm.DB, now time.Time, orgID int64, n Notification, roles ...assessment.Role) ([]Notification, error) {
	return writeNotices(tx, now, assessment.Notice{Kind: n.Kind, Message: n.Message, Link: n.Link, OrganisationID: orgID, Roles: roles})
}
