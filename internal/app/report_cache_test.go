package app

import "testing"

// The cache keeps a bounded number of reports, drops the least recently
// used first, and never returns one built before a later commit.
func TestReportCache(t *testing.T) {
	c := newReportCache()
	key := func(id int) reportKey { return reportKey{id: int64(id), lang: "en", day: "2026-12-03"} }
	for i := 0; i < reportCacheSize+1; i++ {
		c.put(key(i), "7", &ReportView{})
		if i == 1 {
			c.get(key(0), "7") // 0 is used again: 1 is the oldest now
		}
	}
	if c.kept.Len() != reportCacheSize {
		t.Fatalf("%d entries, want %d", c.kept.Len(), reportCacheSize)
	}
	if c.get(key(1), "7") != nil || c.get(key(0), "7") == nil {
		t.Error("the least recently used entry should go first")
	}
	if c.get(key(5), "8") != nil {
		t.Error("an entry built before a write is stale")
	}
	if c.get(key(5), "7") != nil {
		t.Error("a stale entry is dropped")
	}
}
