package api

import (
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// ErrorBody is the JSON shape of every API error. A stale save's 409 also
// says what is stored now and who saved it when, and which fields were
// changed on both sides, so a client can offer "keep mine" (save again
// with current_version) and "use theirs".
type ErrorBody struct {
	Error          string     `json:"error"`
	Code           string     `json:"code"`
	Field          string     `json:"field,omitempty"`
	Current        any        `json:"current,omitempty"`
	CurrentVersion *int       `json:"current_version,omitempty"`
	ChangedBy      string     `json:"changed_by,omitempty"`
	ChangedAt      *time.Time `json:"changed_at,omitempty"`
	Fields         []string   `json:"fields,omitempty"`
}

// NewErrorBody fills the body of an error whose message is msg (web's one
// error handler renders every JSON error with it, the API's and the pages'
// scripts' alike).
func NewErrorBody(de *assessment.Error, msg string) ErrorBody {
	b := ErrorBody{Error: msg, Code: de.Code, Field: de.Field, Current: apiCurrent(de.Current), Fields: de.Fields}
	var (
		version int
		at      time.Time
	)
	switch cur := de.Current.(type) {
	case assessment.Answer:
		version, b.ChangedBy, at = cur.Version, cur.UpdatedBy, cur.UpdatedAt
	case assessment.CapabilityState:
		version, b.ChangedBy, at = cur.Version, cur.UpdatedBy, cur.UpdatedAt
	case assessment.PlanAction:
		version, b.ChangedBy, at = cur.Version, cur.UpdatedBy, cur.UpdatedAt
	default:
		return b
	}
	b.CurrentVersion = &version
	if !at.IsZero() {
		b.ChangedAt = &at
	}
	return b
}
