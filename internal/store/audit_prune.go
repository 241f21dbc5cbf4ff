package store

import (
	"context"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
)

// PruneAudit deletes audit events older than before and records the pruning
// (its cutoff and count) as a new event. Nothing prunes by default: an
// operator runs it for the retention their rules set. The delete passes the
// append-only trigger only for events older than the cutoff it named.
func (s *Store) PruneAudit(ctx context.Context, by assessment.Actor, before time.Time) (int64, error) {
	before = before.UTC()
	if !before.Before(s.now()) {
		return 0, assessment.FieldError("before", "must be in the past")
	}
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		err := withAuditUnlock(tx, "prune", before, func() error {
			res := tx.Exec("DELETE FROM audit_events WHERE at < ?", before)
			n = res.RowsAffected
			return res.Error
		})
		if err != nil {
			return fmt.Errorf("prune audit trail: %w", err)
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{Action: "audit.prune", Object: "audit trail",
			After: auditJSON(map[string]any{"before": before.Format(time.RFC3339), "deleted": n})})
	})
	return n, err
}
