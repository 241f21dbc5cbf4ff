package store

import (
	"context"

	"gorm.io/gorm"
)

// TamperAuditForTest tries to rewrite the audit trail; the database must refuse.
func (s *Store) TamperAuditForTest(ctx context.Context) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("UPDATE audit_events SET action = 'x'").Error
	})
}
