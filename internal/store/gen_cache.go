package store

import "sync"

// genCacheMax bounds each cache: past it, it starts again empty (an entry
// is a few hundred bytes; reading again is cheap).
const genCacheMax = 10000

// genCache keeps values read at one generation of the principal_generation
// counter, which triggers bump in the same transaction as any change to
// users, memberships, assignments, shares, an assessment's status, owner,
// framework version or scope (migrations 00015, 00019) or a token's
// revocation (00019). A request reads only the counter; an entry of an
// older generation is never served, so a change is seen at once, by every
// instance on the same database. Principals, live API tokens and the
// heads saves check are kept this way.
type genCache[K comparable, V any] struct {
	mu  sync.Mutex
	gen int64
	m   map[K]V
}

// get returns the value kept under k at generation gen.
func (c *genCache[K, V]) get(gen int64, k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	if !ok || c.gen != gen {
		var zero V
		return zero, false
	}
	return v, true
}

// put keeps v, read at generation gen; an older generation's values go.
func (c *genCache[K, V]) put(gen int64, k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return // a newer generation was seen meanwhile: v may be stale
	}
	if gen > c.gen || c.m == nil || len(c.m) >= genCacheMax {
		c.gen, c.m = gen, map[K]V{}
	}
	c.m[k] = v
}
