package web

import (
	"net/http"

	"github.com/mnr-self-assessment/mnr/internal/lru"
)

// pageCache keeps recently rendered pages, gzipped, for the reader who asked
// for them. An entry is served again only while the database's data version
// and the minute it was rendered in are unchanged, so what it serves is
// byte for byte what rendering again would give; it saves the reads, the
// template and the compression of a page viewed again before anything
// changed (going back and forth between capabilities, reloading, several
// tabs). Bounded in entries and bytes; the least recently used goes first.
type pageCache struct {
	kept *lru.Cache[string, *cachedPage]
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
	return &pageCache{kept: lru.New[string](maxEntries, maxBytes, (*cachedPage).size)}
}

// get returns the page kept under key if it was rendered at this version
// and minute.
func (pc *pageCache) get(key, version string, minute int64) *cachedPage {
	p, _ := pc.kept.Get(key, func(p *cachedPage) bool { return p.version == version && p.minute == minute })
	return p
}

// put keeps p (not when it is over a quarter of the bytes).
func (pc *pageCache) put(p *cachedPage) { pc.kept.Put(p.key, p) }

func (p *cachedPage) size() int { return len(p.key) + len(p.version) + len(p.gzipped) + 256 }
