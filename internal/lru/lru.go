// Package lru is a small least-recently-used cache bounded in entries and,
// optionally, in bytes: the report cache and the page cache share it.
package lru

import (
	"container/list"
	"sync"
)

// Cache keeps values by key. Get takes a test of freshness, so a caller's
// own notion of "stale" (a data version, a minute) stays with the caller.
type Cache[K comparable, V any] struct {
	mu         sync.Mutex
	order      list.List // front: most recently used; values are *entry[K, V]
	byKey      map[K]*list.Element
	bytes      int
	maxEntries int
	maxBytes   int         // 0: no bound in bytes
	size       func(V) int // nil: every value counts 0 bytes
}

type entry[K comparable, V any] struct {
	key  K
	val  V
	size int
}

// New returns a cache of at most maxEntries values and, when size is not
// nil, at most maxBytes bytes as size counts them.
func New[K comparable, V any](maxEntries, maxBytes int, size func(V) int) *Cache[K, V] {
	return &Cache[K, V]{byKey: map[K]*list.Element{}, maxEntries: maxEntries, maxBytes: maxBytes, size: size}
}

// Get returns the value kept under k if fresh says it still holds; a value
// that does not is dropped.
func (c *Cache[K, V]) Get(k K, fresh func(V) bool) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var zero V
	el, ok := c.byKey[k]
	if !ok {
		return zero, false
	}
	e := el.Value.(*entry[K, V])
	if !fresh(e.val) {
		c.remove(el)
		return zero, false
	}
	c.order.MoveToFront(el)
	return e.val, true
}

// Put keeps v under k, replacing what was there, and drops the least
// recently used values past the bounds. A value larger than a quarter of
// maxBytes is not kept.
func (c *Cache[K, V]) Put(k K, v V) {
	n := 0
	if c.size != nil {
		if n = c.size(v); c.maxBytes > 0 && n > c.maxBytes/4 {
			return
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[k]; ok {
		c.remove(el)
	}
	c.byKey[k] = c.order.PushFront(&entry[K, V]{key: k, val: v, size: n})
	c.bytes += n
	for c.order.Len() > c.maxEntries || (c.maxBytes > 0 && c.bytes > c.maxBytes) {
		c.remove(c.order.Back())
	}
}

// Len is the number of values kept.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

func (c *Cache[K, V]) remove(el *list.Element) {
	e := c.order.Remove(el).(*entry[K, V])
	delete(c.byKey, e.key)
	c.bytes -= e.size
}
