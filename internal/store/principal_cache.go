package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

var generationSQL = newRawSQL("SELECT n FROM principal_generation WHERE id = 1")

// currentGeneration reads the counter on a reader.
func (s *Store) currentGeneration(ctx context.Context) (int64, error) {
	var n int64
	if err := s.rawRead(ctx, generationSQL).Scan(&n); err != nil {
		return 0, fmt.Errorf("read principal generation: %w", err)
	}
	return n, nil
}

// generation reads the counter: one statement, one row.
func (s *Store) generation(db *gorm.DB) (int64, error) {
	var n int64
	if err := s.rawQueryRow(db, generationSQL).Scan(&n); err != nil {
		return 0, fmt.Errorf("read principal generation: %w", err)
	}
	return n, nil
}

// cachedPrincipal answers from the cache when the stored generation is
// the cached one.
func (s *Store) cachedPrincipal(ctx context.Context, userID int64) (PrincipalContent, bool, error) {
	gen, err := s.principalGeneration(ctx)
	if err != nil {
		return PrincipalContent{}, false, err
	}
	p, ok := s.principals.get(gen, userID)
	return p, ok, nil
}
