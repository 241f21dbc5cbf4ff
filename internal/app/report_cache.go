package app

import (
	"container/list"
	"sync"
	"time"
)

// reportCacheSize bounds the reports kept (each a few hundred KB).
const reportCacheSize = 16

// reportMaxAge bounds how long a report is reused: the store's write
// generation (Store.Generation) sees this process's writes only, so with
// several servers on one database another's change shows within this time.
const reportMaxAge = 10 * time.Second

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
	key   reportKey
	gen   uint64 // the store's write generation when the build began
	built time.Time
	view  *ReportView
}

// reportCache is a small LRU of built reports. An entry is good while no
// write has happened since its build began and it is younger than
// reportMaxAge.
type reportCache struct {
	mu    sync.Mutex
	order *list.List // front: most recently used
	byKey map[reportKey]*list.Element
}

func newReportCache() *reportCache {
	return &reportCache{order: list.New(), byKey: map[reportKey]*list.Element{}}
}

func (c *reportCache) get(k reportKey, gen uint64) *ReportView {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[k]
	if !ok {
		return nil
	}
	e := el.Value.(*reportEntry)
	if e.gen != gen || time.Since(e.built) > reportMaxAge {
		c.order.Remove(el)
		delete(c.byKey, k)
		return nil
	}
	c.order.MoveToFront(el)
	return e.view
}

func (c *reportCache) put(k reportKey, gen uint64, v *ReportView) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[k]; ok {
		c.order.Remove(el)
	}
	c.byKey[k] = c.order.PushFront(&reportEntry{key: k, gen: gen, built: time.Now(), view: v})
	for c.order.Len() > reportCacheSize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*reportEntry).key)
	}
}
