package report

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// SparklineSVG draws phases (or mean phases) across cycles as a small line on the fixed 0–4
// scale, so every sparkline on a page (and every small multiple of a
// partner's dashboard) reads the same way. Missing points break the line and
// show as a hollow mark on the baseline; label is the text alternative and
// must state the values, since the drawing alone conveys nothing to a
// screen reader.
func SparklineSVG(points []*float64, label string) template.HTML {
	const (
		step, pad, h = 28.0, 6.0, 36.0
		inner        = h - 2*pad
	)
	w := pad*2 + step*float64(max(len(points)-1, 1))
	var b svgBuilder
	b.line(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s" class="sparkline">`,
		num(w), num(h), num(w), num(h), esc(label))
	b.line(`<title>%s</title>`, esc(label))
	b.line(`<line x1="%s" y1="%s" x2="%s" y2="%s" class="spark-base" stroke="%s" stroke-width="1"/>`, num(pad), num(h-pad), num(w-pad), num(h-pad), colGrid)
	y := func(p float64) float64 { return h - pad - inner*p/framework.MaxPhase }
	var run []string
	flush := func() {
		if len(run) > 1 {
			b.line(`<polyline points="%s" class="spark-line" fill="none" stroke="%s" stroke-width="2"/>`, strings.Join(run, " "), colCurrent)
		}
		run = nil
	}
	for i, p := range points {
		x := pad + step*float64(i)
		if p == nil {
			flush()
			b.line(`<circle cx="%s" cy="%s" r="2.5" class="spark-missing" fill="#fff" stroke="%s"/>`, num(x), num(h-pad), colText)
			continue
		}
		run = append(run, fmt.Sprintf("%s,%s", num(x), num(y(*p))))
		b.line(`<circle cx="%s" cy="%s" r="3" class="spark-point" fill="%s"/>`, num(x), num(y(*p)), colCurrent)
	}
	flush()
	b.close()
	return template.HTML(b.String())
}
