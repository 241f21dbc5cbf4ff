package app

import "github.com/mnr-self-assessment/mnr/internal/lru"

// reportCacheSize bounds the reports kept (each a few hundred KB).
const reportCacheSize = 16

// reportKey names one built report: an assessment, in one language, with
// or without the previous cycle, on one day (overdue actions change with
// the date).
type reportKey struct {
	id      int64
	lang    string
	compare bool
	day     string
}

type reportEntry struct {
	version string // the database's data version read before the build
	view    *ReportView
}

// reportCache is a small LRU of built reports. An entry is good while the
// database's data version (store.DataVersion) is the one read before its
// build: nothing was committed since, by this server or another.
type reportCache struct {
	kept *lru.Cache[reportKey, reportEntry]
}

func newReportCache() *reportCache {
	return &reportCache{kept: lru.New[reportKey, reportEntry](reportCacheSize, 0, nil)}
}

func (c *reportCache) get(k reportKey, version string) *ReportView {
	e, _ := c.kept.Get(k, func(e reportEntry) bool { return e.version == version })
	return e.view
}

func (c *reportCache) put(k reportKey, version string, v *ReportView) {
	c.kept.Put(k, reportEntry{version: version, view: v})
}
