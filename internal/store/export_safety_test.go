package store

import (
	"context"

	"gorm.io/gorm"
)

// ExecForTest runs a statement in a write transaction, with the same
// mapping of refused writes as every other write.
func (s *Store) ExecForTest(ctx context.Context, sql string, args ...any) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return tx.Exec(sql, args...).Error })
}
