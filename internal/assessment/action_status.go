package assessment

import "strings"

// StatusInput is a status update: what the responsible organisation may
// change, and what stays changeable after approval.
type StatusInput struct {
	Status     string
	StatusNote string
	Version    int
}

// Apply returns cur with the new status and note, at the version read.
func (in StatusInput) Apply(cur PlanAction) (PlanAction, error) {
	next := cur
	next.Status = ActionStatus(strings.TrimSpace(in.Status))
	next.StatusNote = strings.TrimSpace(in.StatusNote)
	next.Version = in.Version
	if !next.Status.Valid() {
		return cur, FieldError("status", "must be one of planned, in_progress, done, blocked, dropped")
	}
	return next, optionalText("status_note", next.StatusNote, MaxNote)
}
