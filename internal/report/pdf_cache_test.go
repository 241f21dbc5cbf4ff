package report

import (
	"bytes"
	"testing"
)

func TestPDFCacheKeepsWithinBudget(t *testing.T) {
	c := newPDFCache(10)
	key := func(id int64) cacheKey { return cacheKey{CacheKey{Doc: "report", ID: id, Version: "1"}, "en"} }
	sum := digest("content")
	c.put(key(1), sum, []byte("aaaa"))
	c.put(key(2), sum, []byte("bbbb"))
	if _, ok := c.get(key(1), sum); !ok { // 1 is now the most recent
		t.Fatal("entry 1 missing")
	}
	c.put(key(3), sum, []byte("cccc")) // 12 bytes: the least recent (2) goes
	if _, ok := c.get(key(2), sum); ok {
		t.Error("least recently used entry kept over budget")
	}
	if n, size := c.usage(); n != 2 || size != 8 {
		t.Errorf("usage = %d entries, %d bytes", n, size)
	}
	if got, ok := c.get(key(3), sum); !ok || !bytes.Equal(got, []byte("cccc")) {
		t.Errorf("entry 3 = %q, %v", got, ok)
	}
	if _, ok := c.get(key(3), digest("other content")); ok {
		t.Error("served for another content")
	}
	c.put(key(3), digest("other content"), []byte("dd")) // replaces, not adds
	if n, size := c.usage(); n != 2 || size != 6 {
		t.Errorf("after replace: %d entries, %d bytes", n, size)
	}
	c.put(key(4), sum, []byte("far too large")) // over the whole budget: not kept
	if _, ok := c.get(key(4), sum); ok {
		t.Error("entry larger than the budget kept")
	}
	if n, _ := c.usage(); n != 2 {
		t.Errorf("an oversized entry evicted others: %d entries", n)
	}
}
