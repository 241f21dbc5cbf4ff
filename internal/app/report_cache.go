package app

import (
	"container/list"
	"sync"
)

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
	key     reportKey
	version string // the database's data version read before the build
	view    *ReportView
}

// reportCache is a small LRU of built reports. An entry is good while the
// database's data version (store.DataVersion) is the one read before its
// build: nothing was committed since, by this server or another.
type reportCache struct {
	mu    sync.Mutex
	order *list.List // front: most recently used
	byKey map[reportKey]*list.Element
}

func newReportCache() *reportCache {
	return &reportCache{order: list.New(), byKey: map[reportKey]*list.Element{}}
}

func (c *reportCache) get(k reportKey, version string) *ReportView {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[k]
	if !ok {
		return nil
	}
	e := el.Value.(*reportEntry)
	if e.version != version {
		c.order.Remove(el)
		delete(c.byKey, k)
		return nil
	}
	c.order.MoveToFront(el)
	return e.view
}

func (c *reportCache) put(k reportKey, version string, v *ReportView) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[k]; ok {
		c.order.Remove(el)
	}
	c.byKey[k] = c.order.PushFront(&reportEntry{key: k, version: version, view: v})
	for c.order.Len() > reportCacheSize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*reportEntry).key)
	}
}
