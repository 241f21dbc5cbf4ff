package report

import (
	"container/list"
	"crypto/sha256"
	"sync"
)

// CacheKey names a document version for the PDF cache: which document
// (Doc "report" and its ID), which version of it (the assessment's
// updated_at, say) and which variant (with or without the comparison with
// the previous cycle). The job's language completes the key. Because a key
// can miss a change (an organisation renamed, a new day on the cover), a
// cached PDF is only served for exactly the same HTML: the key bounds the
// cache to one entry per document version, the digest proves the content.
type CacheKey struct {
	Doc     string
	ID      int64
	Version string
	Variant string
}

type cacheKey struct {
	CacheKey
	lang string
}

type cacheEntry struct {
	key cacheKey
	sum [sha256.Size]byte
	pdf []byte
}

// pdfCache keeps recent PDFs within a byte budget, least recently used out
// first.
type pdfCache struct {
	mu    sync.Mutex
	max   int64
	size  int64
	order *list.List // front: most recently used
	byKey map[cacheKey]*list.Element
}

func newPDFCache(maxBytes int64) *pdfCache {
	return &pdfCache{max: maxBytes, order: list.New(), byKey: map[cacheKey]*list.Element{}}
}

// get returns the PDF stored under k for exactly the content sum.
func (c *pdfCache) get(k cacheKey, sum [sha256.Size]byte) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[k]
	if !ok || el.Value.(*cacheEntry).sum != sum {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).pdf, true
}

// put stores pdf under k, replacing what k held, and evicts the least
// recently used entries until the cache fits its budget. A PDF larger than
// the whole budget is not kept.
func (c *pdfCache) put(k cacheKey, sum [sha256.Size]byte, pdf []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[k]; ok {
		c.remove(el)
	}
	if int64(len(pdf)) > c.max {
		return
	}
	c.byKey[k] = c.order.PushFront(&cacheEntry{key: k, sum: sum, pdf: pdf})
	c.size += int64(len(pdf))
	for c.size > c.max {
		c.remove(c.order.Back())
	}
}

func (c *pdfCache) remove(el *list.Element) {
	e := c.order.Remove(el).(*cacheEntry)
	delete(c.byKey, e.key)
	c.size -= int64(len(e.pdf))
}

// usage is the number of entries and their bytes.
func (c *pdfCache) usage() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len(), c.size
}
