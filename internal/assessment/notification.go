package assessment

import "time"

// Notification kinds.
const (
	NotifyAssigned     = "assigned"
	NotifyDueSoon      = "due_soon"
	NotifySubmitted    = "submitted"
	NotifyReturned     = "returned"
	NotifyApproved     = "approved"
	NotifyShared       = "shared"
	NotifyActionStatus = "action_status" // an action of an approved plan moved on
)

// Notification is one in-app message to one user (and, when the outbox
// mails, one mail).
type Notification struct {
	ID        int64
	UserID    int64
	Kind      string
	Message   string // as made by NotificationText; older rows hold plain English
	Link      string // a relative path in the app
	DedupeKey string // when set, a second notification with the same key is dropped
	CreatedAt time.Time
	ReadAt    *time.Time
}

// MailItem is a notification waiting to be mailed, with its recipient and
// the recipient's preferred language ("" when none was chosen).
type MailItem struct {
	Notification
	Email string
	Lang  string
}

// Notice is what a notification rule decides: one message for an
// audience. The store expands the audience inside the transaction of the
// change the notice reports, so the change and its notifications land
// together and reach the members of that moment.
type Notice struct {
	Kind      string
	Message   string
	Link      string
	DedupeKey string
	// UserID names one recipient; otherwise the audience is the members of
	// OrganisationID holding one of Roles (every member when Roles is empty).
	UserID         int64
	OrganisationID int64
	Roles          []Role
	// Except is never notified: whoever acted.
	Except int64
}

// To is the notification of n for one recipient.
func (n Notice) To(userID int64) Notification {
	return Notification{UserID: userID, Kind: n.Kind, Message: n.Message, Link: n.Link, DedupeKey: n.DedupeKey}
}
