package workbook

import (
	"bytes"
	"testing"
	"time"
)

// The national workbook (every capability): how long writing and reading
// it back take, and its size.
func BenchmarkWrite(b *testing.B) {
	d := fixture(b)
	var n int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, Source{Detail: d, Target: Target{AssessmentID: 7}, Lang: "en", Judgements: true}, testKey, time.Now()); err != nil {
			b.Fatal(err)
		}
		n = buf.Len()
	}
	b.ReportMetric(float64(n), "bytes/workbook")
}

func BenchmarkParseAndCompare(b *testing.B) {
	d := fixture(b)
	data := export(b, d, "en")
	for b.Loop() {
		p, err := Parse(data, testKey)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Compare(p, d); err != nil {
			b.Fatal(err)
		}
	}
}
