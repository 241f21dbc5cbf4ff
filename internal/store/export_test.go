package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// TamperAuditForTest tries to rewrite the audit trail; the database must refuse.
func (s *Store) TamperAuditForTest(ctx context.Context) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("UPDATE audit_events SET action = 'x'").Error
	})
}

// SetClockForTest replaces the store's clock.
func (s *Store) SetClockForTest(now func() time.Time) { s.now = now }

// DSNForTest returns the connection string the store was opened with, so a
// test can open a second instance on the same database.
func (s *Store) DSNForTest() string { return s.dsn }
