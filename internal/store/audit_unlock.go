package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// withAuditUnlock runs fn with the audit trail unlocked for one purpose
// inside the caller's transaction: "erase" lets fn rewrite the text columns
// of audit events, "prune" lets it delete events older than before. The
// unlock row is removed before the transaction commits (PostgreSQL refuses
// to commit one), and no other transaction can see it, so every other
// write still finds the trail append-only.
func withAuditUnlock(tx *gorm.DB, purpose string, before time.Time, fn func() error) error {
	var at any
	if !before.IsZero() {
		at = before.UTC()
	}
	if err := tx.Exec("INSERT INTO audit_unlock (purpose, before_at) VALUES (?, ?)", purpose, at).Error; err != nil {
		return fmt.Errorf("unlock audit trail: %w", err)
	}
	if err := fn(); err != nil {
		return err
	}
	if err := tx.Exec("DELETE FROM audit_unlock").Error; err != nil {
		return fmt.Errorf("lock audit trail: %w", err)
	}
	return nil
}
