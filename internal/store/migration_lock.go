package store

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// migrationLock makes instances that start together on one PostgreSQL
// database apply migrations one after the other: goose holds an advisory
// lock while it migrates. The lock id is derived from the database and
// schema, so installations sharing a server (or tests using a schema each)
// do not wait for one another. SQLite needs none: its writer is single.
func (s *Store) migrationLock(ctx context.Context) ([]goose.ProviderOption, error) {
	if s.dialect != "postgres" {
		return nil, nil
	}
	var scope string
	if err := s.w.WithContext(ctx).Raw("SELECT current_database() || '.' || current_schema()").Scan(&scope).Error; err != nil {
		return nil, fmt.Errorf("migration lock: %w", err)
	}
	h := fnv.New64a()
	h.Write([]byte(scope))
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(int64(h.Sum64()>>1)), lock.WithLockTimeout(1, 600))
	if err != nil {
		return nil, fmt.Errorf("migration lock: %w", err)
	}
	return []goose.ProviderOption{goose.WithSessionLocker(locker)}, nil
}
