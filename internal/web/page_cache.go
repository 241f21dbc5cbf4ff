package web

import (
	"container/list"
	"net/http"
	"sync"
)

// pageCache keeps recently rendered pages, gzipped, for the reader who asked
// for them. An entry is served again only while the database's data version
// and the minute it was rendered in are unchanged, so what it serves is
// byte for byte what rendering again would give; it saves the reads, the
// template and the compression of a page viewed again before anything
// changed (going back and forth between capabilities, reloading, several
// tabs). Bounded in entries and bytes; the least recently used goes first.
type pageCache struct {
	mu         sync.Mutex
	byKey      map[string]*list.Element
	order      list.List // front: most recently used; values are *cachedPage
	bytes      int
	maxEntries int
	maxBytes   int
}

// cachedPage is one rendered page and what it was rendered at.
type cachedPage struct {
	key     string
	version string      // the database's data version read before rendering
	minute  int64       // the clock's minute: pages show dates and "overdue"
	header  http.Header // what the handler set (Content-Type, …)
	gzipped []byte
	org     int64 // the organisation the request log names; 0: none
}

func newPageCache(maxEntries, maxBytes int) *pageCache {
	return &pageCache{byKey: map[string]*list.Element{}, maxEntries: maxEntries, maxBytes: maxBytes}
}

// get returns the page kept under key if it was rendered at this version
// and minute.
func (pc *pageCache) get(key, version string, minute int64) *cachedPage {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	el, ok := pc.byKey[key]
	if !ok {
		return nil
	}
	p := el.Value.(*cachedPage)
	if p.version != version || p.minute != minute {
		pc.remove(el)
		return nil
	}
	pc.order.MoveToFront(el)
	return p
}

// put keeps p, replacing what was kept under its key, and drops the least
// recently used pages past the bounds. A page larger than a quarter of the
// bytes is not kept.
func (pc *pageCache) put(p *cachedPage) {
	size := p.size()
	if size > pc.maxBytes/4 {
		return
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if el, ok := pc.byKey[p.key]; ok {
		pc.remove(el)
	}
	pc.byKey[p.key] = pc.order.PushFront(p)
	pc.bytes += size
	for pc.order.Len() > pc.maxEntries || pc.bytes > pc.maxBytes {
		pc.remove(pc.order.Back())
	}
}

func (pc *pageCache) remove(el *list.Element) {
	p := pc.order.Remove(el).(*cachedPage)
	delete(pc.byKey, p.key)
	pc.bytes -= p.size()
}

func (p *cachedPage) size() int { return len(p.key) + len(p.version) + len(p.gzipped) + 256 }
