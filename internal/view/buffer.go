package view

import (
	"bytes"
	"sync"
)

// Pages are executed into pooled buffers: a capability page is ~80 KB,
// and growing a fresh buffer to that size on every request was a quarter
// of a megabyte of garbage per page.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer given back to the pool, so one huge page
// (a report annex) does not stay pinned in memory for every later request.
const maxPooled = 512 << 10

func getBuffer() *bytes.Buffer {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= maxPooled {
		bufPool.Put(b)
	}
}
