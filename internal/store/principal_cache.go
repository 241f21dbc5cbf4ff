package store

import (
	"context"
	"fmt"
	"sync"

	"gorm.io/gorm"
)

// principalCacheMax bounds the cache: past it, the cache starts again
// empty (a principal is a few hundred bytes; re-reading is cheap).
const principalCacheMax = 10000

// principalCache keeps principals read at one generation of the
// principal_generation counter, which triggers bump in the same
// transaction as any change to users, memberships, assignments, shares or
// an assessment's status or owner (migration 00015). A request reads only
// the counter; an entry of an older generation is never served, so a
// change is seen at once, by every instance on the same database.
type principalCache struct {
	mu     sync.Mutex
	gen    int64
	byUser map[int64]PrincipalContent
}

// generation reads the counter: one statement, one row.
func generation(db *gorm.DB) (int64, error) {
	var n int64
	if err := db.Raw("SELECT n FROM principal_generation WHERE id = 1").Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("read principal generation: %w", err)
	}
	return n, nil
}

// get returns the principal cached at generation gen.
func (c *principalCache) get(gen, userID int64) (PrincipalContent, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return PrincipalContent{}, false
	}
	p, ok := c.byUser[userID]
	return p, ok
}

// put keeps p, read at generation gen; an older generation's entries go.
func (c *principalCache) put(gen, userID int64, p PrincipalContent) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return // a newer generation was seen meanwhile: p may be stale
	}
	if gen > c.gen || c.byUser == nil || len(c.byUser) >= principalCacheMax {
		c.gen, c.byUser = gen, map[int64]PrincipalContent{}
	}
	c.byUser[userID] = p
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
