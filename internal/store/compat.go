package store

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// The audit event under its old name, still used by files reworked by
// others at the same time (answer.go, contribution_answer.go, capability.go,
// assessment.go, organisation_partner.go, session.go); switch them to
// assessment.AuditEvent and remove this file.

// AuditEvent is the domain's audit event.
type AuditEvent = assessment.AuditEvent
