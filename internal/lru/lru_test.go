package lru

import "testing"

func always[V any](V) bool { return true }

// TestBounds: the least recently used goes first, past the entries or the
// bytes; a value too large is not kept; a stale value is dropped.
func TestBounds(t *testing.T) {
	c := New[int, string](3, 0, nil)
	for i := range 4 {
		c.Put(i, "v")
		if i == 1 {
			c.Get(0, always) // 0 used again: 1 is the oldest now
		}
	}
	if _, ok := c.Get(1, always); ok || c.Len() != 3 {
		t.Fatalf("entries: 1 kept %v, %d kept", ok, c.Len())
	}
	if _, ok := c.Get(0, always); !ok {
		t.Fatal("a recently used value was dropped")
	}
	if _, ok := c.Get(2, func(string) bool { return false }); ok || c.Len() != 2 {
		t.Fatal("a stale value is served or kept")
	}

	b := New[string, []byte](100, 40, func(v []byte) int { return len(v) })
	b.Put("big", make([]byte, 11)) // over a quarter of 40
	if b.Len() != 0 {
		t.Fatal("a value over a quarter of the bytes was kept")
	}
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		b.Put(k, make([]byte, 10))
	}
	if _, ok := b.Get("a", always); ok || b.Len() != 4 || b.bytes != 40 {
		t.Fatalf("bytes: %d kept, %d bytes", b.Len(), b.bytes)
	}
	b.Put("e", make([]byte, 5)) // replaced: its old size goes
	if b.bytes != 35 {
		t.Fatalf("after a replacement %d bytes, want 35", b.bytes)
	}
}
