package store

import (
	"context"
	"database/sql"
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

// RawDBForTest is the writer's database/sql handle, for tests that search
// every table with plain SQL.
func (s *Store) RawDBForTest() *sql.DB {
	db, _ := s.w.DB()
	return db
}

// TamperUnderUnlockForTest tries what an unlock must still refuse: under
// an erase unlock, changing an event's action; under a prune unlock with
// an old cutoff, deleting every event.
func (s *Store) TamperUnderUnlockForTest(ctx context.Context) (updateErr, deleteErr error) {
	updateErr = s.tx(ctx, func(tx *gorm.DB) error {
		return withAuditUnlock(tx, "erase", time.Time{}, func() error {
			return tx.Exec("UPDATE audit_events SET action = 'rewritten'").Error
		})
	})
	deleteErr = s.tx(ctx, func(tx *gorm.DB) error {
		return withAuditUnlock(tx, "prune", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), func() error {
			return tx.Exec("DELETE FROM audit_events").Error
		})
	})
	return updateErr, deleteErr
}

// LeaveUnlockForTest inserts an unlock row and commits without removing it.
func (s *Store) LeaveUnlockForTest(ctx context.Context) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("INSERT INTO audit_unlock (purpose) VALUES ('erase')").Error
	})
}

// WriteRateBatchForTest waits for a batch of rate counters under way, then
// writes what is pending, at now.
func (s *Store) WriteRateBatchForTest(now time.Time) {
	s.batch.finished.Wait()
	s.batch.write(context.Background(), now)
}
