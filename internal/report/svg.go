package report

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Charts are inline SVG sized by viewBox only, so they scale with the page
// and print crisply. Colours come from CSS classes (series-current,
// series-target, series-previous, bar-current, …); the stroke and fill
// attributes are fallbacks for when the SVG is viewed alone, since any CSS
// rule overrides a presentation attribute. No meaning rests on colour: each
// series also has its own dash pattern, marker shape and legend text.
//
// Honesty rule for capabilities not assessed: they get no point. The line
// of a series breaks at their axis instead of dropping to 0, the area is
// filled only when every axis has a value, and a hollow marker beside the
// axis label flags them.

// Fallback colours, used only where no stylesheet applies.
const (
	colCurrent  = "#1d4e89"
	colTarget   = "#8a4b08"
	colPrevious = "#5c5c5c"
	colGrid     = "#c8c8c8"
	colText     = "#222222"
)

// RadarSVG draws the phase of each capability in scope on one axis each,
// with the target and the previous cycle when present. With fewer than three
// capabilities a radar has no shape, so it draws horizontal bars instead.
func RadarSVG(r *Report, lang string) template.HTML {
	if len(r.Capabilities) < 3 {
		return capabilityBarsSVG(r, lang)
	}
	const (
		w, h   = 640.0, 640.0
		cx, cy = 320.0, 300.0
		radius = 210.0
	)
	mirror := isRTL(lang)
	n := len(r.Capabilities)
	angle := func(i int) float64 {
		step := 2 * math.Pi / float64(n)
		if mirror {
			step = -step
		}
		return -math.Pi/2 + float64(i)*step
	}
	at := func(i int, phase float64) (float64, float64) {
		a, d := angle(i), radius*phase/framework.MaxPhase
		return cx + d*math.Cos(a), cy + d*math.Sin(a)
	}

	var b svgBuilder
	b.open(w, h, "chart chart-radar", radarTitle(r), capabilitiesDesc(r))

	b.line(`<g class="grid" fill="none" stroke="%s" stroke-width="1">`, colGrid)
	for p := 1; p <= framework.MaxPhase; p++ {
		b.line(`<circle class="ring" cx="%s" cy="%s" r="%s"/>`, num(cx), num(cy), num(radius*float64(p)/framework.MaxPhase))
	}
	for i, c := range r.Capabilities {
		x, y := at(i, framework.MaxPhase)
		cls, dash := "axis", ""
		if c.Score.Phase == nil {
			cls, dash = "axis axis-not-assessed", ` stroke-dasharray="2 4"`
		}
		b.line(`<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s"%s/>`, cls, num(cx), num(cy), num(x), num(y), dash)
	}
	b.line(`</g>`)

	b.line(`<g class="ring-labels" font-size="11" fill="%s">`, colText)
	for p := 0; p <= framework.MaxPhase; p++ {
		y := cy - radius*float64(p)/framework.MaxPhase
		b.line(`<text class="ring-label" x="%s" y="%s" text-anchor="%s" dy="0.35em"><title>%s</title>%d</text>`,
			num(cx+flip(mirror, 5)), num(y), anchor(mirror, "start"), esc(r.PhaseName(p)), p)
	}
	b.line(`</g>`)

	b.line(`<g class="axis-labels" font-size="13" fill="%s">`, colText)
	for i, c := range r.Capabilities {
		x, y := at(i, framework.MaxPhase+0.45)
		anc := "middle"
		if dx := x - cx; dx > 1 {
			anc = "start"
		} else if dx < -1 {
			anc = "end"
		}
		b.line(`<g class="axis-label" data-capability="%s"><title>%s</title><text x="%s" y="%s" text-anchor="%s" dy="0.35em">%d</text>`,
			esc(c.Key), esc(capRef(c.Number, c.Short)), num(x), num(y), anc, c.Number)
		if c.Score.Phase == nil {
			mx, my := at(i, framework.MaxPhase+0.2)
			b.line(`<circle class="pt-not-assessed" data-capability="%s" cx="%s" cy="%s" r="4" fill="none" stroke="%s" stroke-width="1.5"/>`,
				esc(c.Key), num(mx), num(my), colCurrent)
		}
		b.line(`</g>`)
	}
	b.line(`</g>`)

	values := func(get func(CapabilitySection) *int) []*int {
		out := make([]*int, n)
		for i, c := range r.Capabilities {
			out[i] = get(c)
		}
		return out
	}
	if r.HasTargets() {
		b.series(radarSeries{name: "target", color: colTarget, dash: "7 4", marker: markSquare},
			values(func(c CapabilitySection) *int { return c.Score.Target }), r.Capabilities, at)
	}
	if r.Previous != nil {
		b.series(radarSeries{name: "previous", color: colPrevious, dash: "1.5 3.5", marker: markTriangle},
			values(func(c CapabilitySection) *int { return c.Previous }), r.Capabilities, at)
	}
	b.series(radarSeries{name: "current", color: colCurrent, fill: true, marker: markCircle},
		values(func(c CapabilitySection) *int { return c.Score.Phase }), r.Capabilities, at)

	b.legend(20, h-34, mirror, w, radarLegend(r))
	b.close()
	return template.HTML(b.String())
}

// radarLegend lists the series actually drawn.
func radarLegend(r *Report) []legendItem {
	items := []legendItem{{"current", colCurrent, "", markCircle, legendCurrent}}
	if r.HasTargets() {
		items = append(items, legendItem{"target", colTarget, "7 4", markSquare, legendTarget})
	}
	if r.Previous != nil {
		items = append(items, legendItem{"previous", colPrevious, "1.5 3.5", markTriangle, legendPrevious(r)})
	}
	if r.Scores.Overall.NotAssessed > 0 {
		items = append(items, legendItem{"not-assessed", colCurrent, "", markHollow, legendNotAssessed})
	}
	return items
}

type radarSeries struct {
	name, color, dash string
	fill              bool
	marker            marker
}

// series draws one polygon: a closed, optionally filled shape when every
// axis has a value, otherwise only the segments between neighbouring axes
// that both have one.
func (b *svgBuilder) series(s radarSeries, vals []*int, caps []CapabilitySection, at func(int, float64) (float64, float64)) {
	n := len(vals)
	type pt struct{ x, y float64 }
	pts := make([]*pt, n)
	missing := -1
	for i, v := range vals {
		if v == nil {
			missing = i
			continue
		}
		x, y := at(i, float64(*v))
		pts[i] = &pt{x, y}
	}
	var d strings.Builder
	if missing < 0 {
		for i, p := range pts {
			if i == 0 {
				d.WriteByte('M')
			} else {
				d.WriteString(" L")
			}
			fmt.Fprintf(&d, "%s %s", num(p.x), num(p.y))
		}
		d.WriteString(" Z")
	} else {
		run := 0
		for k := 1; k <= n; k++ {
			p := pts[(missing+k)%n]
			if p == nil {
				run = 0
				continue
			}
			if run == 0 {
				if d.Len() > 0 {
					d.WriteByte(' ')
				}
				d.WriteByte('M')
			} else {
				d.WriteString(" L")
			}
			fmt.Fprintf(&d, "%s %s", num(p.x), num(p.y))
			run++
		}
	}
	b.line(`<g class="series series-%s">`, s.name)
	if d.Len() > 0 {
		fill := `fill="none"`
		if s.fill && missing < 0 {
			fill = fmt.Sprintf(`fill="%s" fill-opacity="0.12"`, s.color)
		}
		dash := ""
		if s.dash != "" {
			dash = fmt.Sprintf(` stroke-dasharray="%s"`, s.dash)
		}
		b.line(`<path class="line-%s" d="%s" %s stroke="%s" stroke-width="2"%s/>`, s.name, d.String(), fill, s.color, dash)
	}
	for i, p := range pts {
		if p == nil {
			continue
		}
		attrs := fmt.Sprintf(`class="pt-%s" data-capability="%s" data-phase="%d"`, s.name, esc(caps[i].Key), *vals[i])
		b.line("%s", s.marker.draw(p.x, p.y, attrs, s.color))
	}
	b.line(`</g>`)
}

// barRow is one bar of a horizontal bar chart on the phase scale.
type barRow struct {
	key, label, full string
	value            *float64 // nil: not assessed
	target, previous *float64
	text             string // value printed beside the bar
	phaseAttr        string // data-phase value, empty for means
}

// capabilityBarsSVG is the radar's stand-in for one or two capabilities.
func capabilityBarsSVG(r *Report, lang string) template.HTML {
	var rows []barRow
	for _, c := range r.Capabilities {
		row := barRow{key: c.Key, label: capRef(c.Number, c.Short), full: capRef(c.Number, c.Name),
			target: toFloat(c.Score.Target), previous: toFloat(c.Previous), text: notAssessedShort}
		if c.Score.Phase != nil {
			row.value = toFloat(c.Score.Phase)
			row.text = fmt.Sprint(*c.Score.Phase)
			row.phaseAttr = row.text
		}
		rows = append(rows, row)
	}
	items := []legendItem{{"current", colCurrent, "", markBar, legendCurrent}}
	if r.HasTargets() {
		items = append(items, legendItem{"target", colTarget, "4 3", markDiamond, legendTarget})
	}
	if r.Previous != nil {
		items = append(items, legendItem{"previous", colPrevious, "1.5 2.5", markTriangle, legendPrevious(r)})
	}
	return barsSVG(r, "chart chart-bars chart-capabilities", "data-capability", capBarsTitle(r), capabilitiesDesc(r), rows, items, isRTL(lang))
}

// DomainBarsSVG draws one bar per domain: the mean confirmed phase of its
// assessed capabilities, with the mean target marked when targets exist.
func DomainBarsSVG(r *Report, lang string) template.HTML {
	var rows []barRow
	for _, d := range r.Domains {
		row := barRow{key: d.Key, label: capRef(d.Number, d.Name), full: capRef(d.Number, d.Name),
			value: d.Score.Mean, target: d.Score.TargetMean, text: notAssessedShort}
		if d.Score.Mean != nil {
			row.text = fmt.Sprintf("%.1f", *d.Score.Mean)
		}
		rows = append(rows, row)
	}
	items := []legendItem{{"current", colCurrent, "", markBar, legendDomainMean}}
	if r.HasTargets() {
		items = append(items, legendItem{"target", colTarget, "4 3", markDiamond, legendDomainTarget})
	}
	return barsSVG(r, "chart chart-bars chart-domains", "data-domain", domainBarsTitle(r), domainsDesc(r), rows, items, isRTL(lang))
}

func barsSVG(r *Report, class, keyAttr, title, desc string, rows []barRow, items []legendItem, mirror bool) template.HTML {
	const (
		w              = 660.0
		labelEnd       = 275.0
		x0, x1         = 290.0, 590.0
		top, rowH, bar = 40.0, 36.0, 16.0
	)
	h := top + rowH*float64(len(rows)) + 56
	scale := func(v float64) float64 { return mirrorX(mirror, w, x0+(x1-x0)*v/framework.MaxPhase) }

	var b svgBuilder
	b.open(w, h, class, title, desc)
	b.line(`<g class="grid" stroke="%s" stroke-width="1">`, colGrid)
	for p := 0; p <= framework.MaxPhase; p++ {
		x := scale(float64(p))
		b.line(`<line class="gridline" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(top-8), num(x), num(top+rowH*float64(len(rows))))
	}
	b.line(`</g>`)
	b.line(`<g class="scale-labels" font-size="11" fill="%s" text-anchor="middle">`, colText)
	for p := 0; p <= framework.MaxPhase; p++ {
		b.line(`<text class="scale-label" x="%s" y="%s"><title>%s</title>%d</text>`, num(scale(float64(p))), num(top-14), esc(r.PhaseName(p)), p)
	}
	b.line(`</g>`)

	for i, row := range rows {
		y := top + rowH*float64(i)
		mid := y + rowH/2
		b.line(`<g class="bar-row" %s="%s">`, keyAttr, esc(row.key))
		b.line(`<text class="bar-label" x="%s" y="%s" dy="0.35em" text-anchor="%s" font-size="12" fill="%s"><title>%s</title>%s</text>`,
			num(mirrorX(mirror, w, labelEnd)), num(mid), anchor(mirror, "end"), colText, esc(row.full), esc(truncate(row.label, 42)))
		textX := scale(0) + flip(mirror, 6)
		if row.value != nil {
			xa, xb := scale(0), scale(*row.value)
			phase := ""
			if row.phaseAttr != "" {
				phase = fmt.Sprintf(` data-phase="%s"`, row.phaseAttr)
			}
			b.line(`<rect class="bar-current" %s="%s"%s data-value="%s" x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"/>`,
				keyAttr, esc(row.key), phase, num(*row.value), num(math.Min(xa, xb)), num(mid-bar/2), num(math.Abs(xb-xa)), num(bar), colCurrent, colCurrent)
			textX = xb + flip(mirror, 6)
		}
		if row.previous != nil {
			x := scale(*row.previous)
			b.line(`<g class="series-previous"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="1.5 2.5"/>%s</g>`,
				num(x), num(mid-bar), num(x), num(mid+bar), colPrevious, markTriangle.draw(x, mid+bar, `class="pt-previous"`, colPrevious))
		}
		if row.target != nil {
			x := scale(*row.target)
			b.line(`<g class="series-target"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="4 3"/>%s</g>`,
				num(x), num(mid-bar), num(x), num(mid+bar), colTarget, markDiamond.draw(x, mid-bar, fmt.Sprintf(`class="pt-target" data-value="%s"`, num(*row.target)), colTarget))
			if (mirror && x < textX) || (!mirror && x > textX) {
				textX = x + flip(mirror, 8)
			}
		}
		b.line(`<text class="bar-value" x="%s" y="%s" dy="0.35em" text-anchor="%s" font-size="12" fill="%s">%s</text>`,
			num(textX), num(mid), anchor(mirror, "start"), colText, esc(row.text))
		b.line(`</g>`)
	}
	b.legend(20, h-30, mirror, w, items)
	b.close()
	return template.HTML(b.String())
}

// svgBuilder collects SVG markup line by line.
type svgBuilder struct{ strings.Builder }

func (b *svgBuilder) line(format string, args ...any) {
	fmt.Fprintf(b, format, args...)
	b.WriteByte('\n')
}

// open starts the SVG with its text alternative: role="img" with a first
// <title> child gives the accessible name, <desc> the values.
func (b *svgBuilder) open(w, h float64, class, title, desc string) {
	b.line(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" preserveAspectRatio="xMidYMid meet" role="img" class="%s" font-family="sans-serif">`,
		num(w), num(h), class)
	b.line(`<title>%s</title>`, esc(title))
	b.line(`<desc>%s</desc>`, esc(desc))
}

func (b *svgBuilder) close() { b.line(`</svg>`) }

type legendItem struct {
	name, color, dash string
	marker            marker
	label             string
}

// legend draws one sample per series: its line style, marker shape and name.
func (b *svgBuilder) legend(x, y float64, mirror bool, w float64, items []legendItem) {
	b.line(`<g class="legend" font-size="12" fill="%s">`, colText)
	for _, it := range items {
		sx := mirrorX(mirror, w, x)
		ex := mirrorX(mirror, w, x+28)
		b.line(`<g class="legend-item series-%s">`, it.name)
		if it.marker != markBar && it.marker != markHollow {
			dash := ""
			if it.dash != "" {
				dash = fmt.Sprintf(` stroke-dasharray="%s"`, it.dash)
			}
			b.line(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"%s/>`, num(sx), num(y), num(ex), num(y), it.color, dash)
		}
		b.line("%s", it.marker.draw(mirrorX(mirror, w, x+14), y, `class="legend-marker"`, it.color))
		b.line(`<text x="%s" y="%s" dy="0.35em" text-anchor="%s">%s</text>`, num(mirrorX(mirror, w, x+34)), num(y), anchor(mirror, "start"), esc(it.label))
		b.line(`</g>`)
		x += 44 + 6.5*float64(len([]rune(it.label)))
		if x > w-120 {
			x, y = 20, y+18
		}
	}
	b.line(`</g>`)
}

// marker is the shape of a series' points, so series differ without colour.
type marker int

const (
	markCircle marker = iota
	markSquare
	markTriangle
	markDiamond
	markHollow
	markBar
)

func (m marker) draw(x, y float64, attrs, color string) string {
	switch m {
	case markSquare:
		return fmt.Sprintf(`<rect %s x="%s" y="%s" width="8" height="8" fill="#ffffff" stroke="%s" stroke-width="2"/>`, attrs, num(x-4), num(y-4), color)
	case markTriangle:
		return fmt.Sprintf(`<path %s d="M%s %s L%s %s L%s %s Z" fill="%s" stroke="%s"/>`, attrs,
			num(x), num(y-5), num(x+5), num(y+4), num(x-5), num(y+4), color, color)
	case markDiamond:
		return fmt.Sprintf(`<path %s d="M%s %s L%s %s L%s %s L%s %s Z" fill="#ffffff" stroke="%s" stroke-width="2"/>`, attrs,
			num(x), num(y-5), num(x+5), num(y), num(x), num(y+5), num(x-5), num(y), color)
	case markHollow:
		return fmt.Sprintf(`<circle %s cx="%s" cy="%s" r="4" fill="none" stroke="%s" stroke-width="1.5"/>`, attrs, num(x), num(y), color)
	case markBar:
		return fmt.Sprintf(`<rect %s x="%s" y="%s" width="24" height="10" fill="%s" stroke="%s"/>`, attrs, num(x-12), num(y-5), color, color)
	}
	return fmt.Sprintf(`<circle %s cx="%s" cy="%s" r="4.5" fill="%s" stroke="#ffffff" stroke-width="1"/>`, attrs, num(x), num(y), color)
}

// isRTL reports whether lang is written right to left; charts then mirror.
func isRTL(lang string) bool {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "ar", "fa", "he", "ur":
		return true
	}
	return false
}

func mirrorX(mirror bool, w, x float64) float64 {
	if mirror {
		return w - x
	}
	return x
}

func flip(mirror bool, d float64) float64 {
	if mirror {
		return -d
	}
	return d
}

func anchor(mirror bool, a string) string {
	if !mirror {
		return a
	}
	switch a {
	case "start":
		return "end"
	case "end":
		return "start"
	}
	return a
}

// num formats a coordinate compactly and deterministically.
func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// esc makes text safe inside SVG elements and attributes: it drops
// characters XML 1.0 forbids, then escapes markup.
func esc(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
	return html.EscapeString(s)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func toFloat(p *int) *float64 {
	if p == nil {
		return nil
	}
	v := float64(*p)
	return &v
}
