package assessment

import "time"

// AuditEvent is one entry of the append-only trail: who did what, when, to
// which object, with the value before and after (JSON). OrganisationID and
// AssessmentID are 0 when the event concerns neither.
type AuditEvent struct {
	ID             int64
	At             time.Time
	UserID         *int64
	Actor          string
	OrganisationID int64
	AssessmentID   int64
	Action         string
	Object         string
	Before         string
	After          string
	IP             string
}
