package view_test

import (
	"runtime"
	"testing"
)

// BenchmarkNew parses every page in every language, as a server does at
// start, and reports the heap the parsed templates keep.
func BenchmarkNew(b *testing.B) {
	var before, after runtime.MemStats
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&before)
		v := newView(b)
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(v)
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "heap-MB")
}
