package report

import (
	"fmt"
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
		w      = 760.0
		cx, cy = 380.0, 280.0
		radius = 190.0
	)
	legend := radarLegend(r)
	legendY := cy + radius + 84
	h := legendY + legendRowH*float64(legendRows(w, legend)) + 4
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

	// Ring numbers sit between the first two axes, clear of the points,
	// with a white halo so grid lines do not cross them.
	b.line(`<g class="ring-labels" font-size="10" fill="%s" stroke="#ffffff" stroke-width="3" paint-order="stroke" text-anchor="middle">`, colText)
	mid := (angle(0) + angle(1)) / 2
	for p := 0; p <= framework.MaxPhase; p++ {
		d := radius * float64(p) / framework.MaxPhase
		if p == 0 {
			d = 12 // the centre itself is often under a point
		}
		b.line(`<text class="ring-label" x="%s" y="%s" dy="0.35em"><title>%s</title>%d</text>`,
			num(cx+d*math.Cos(mid)), num(cy+d*math.Sin(mid)), esc(r.PhaseName(p)), p)
	}
	b.line(`</g>`)

	// Axis labels are the capabilities' numbers and short names, wrapped
	// to a few short lines and isolated for bidirectional text, so they
	// read in print and stay clear of the plot.
	b.line(`<g class="axis-labels" font-size="13" fill="%s" stroke="none">`, colText)
	for i, c := range r.Capabilities {
		x, y := at(i, framework.MaxPhase+0.3)
		anc := "middle"
		if dx := x - cx; dx > 8 {
			anc = "start"
		} else if dx < -8 {
			anc = "end"
		}
		// Beside the axis end, centred on it; the labels of axes close to
		// the vertical run away from the plot (up at the top, down at the
		// bottom), narrower, so neighbours do not overlap.
		vertical := math.Abs(x-cx) < radius*0.3
		width := 20
		if vertical {
			width = 13
		}
		lines := wrapLabel(capRef(c.Number, c.Short), width, 3)
		top := y - float64(len(lines)-1)*lineH/2
		if vertical && y < cy {
			top = y - float64(len(lines)-1)*lineH
		} else if vertical {
			top = y + 4
		}
		b.line(`<g class="axis-label" data-capability="%s"><title>%s</title><text x="%s" y="%s" text-anchor="%s" dy="0.35em">`,
			esc(c.Key), esc(capRef(c.Number, c.Name)), num(x), num(top), anc)
		for k, l := range lines {
			dy := "0"
			if k > 0 {
				dy = num(lineH)
			}
			b.line(`<tspan x="%s" dy="%s">%s</tspan>`, num(x), dy, esc(isolate(l, mirror)))
		}
		b.line(`</text>`)
		if c.Score.Phase == nil {
			mx, my := at(i, framework.MaxPhase+0.12)
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

	b.legend(legendY, mirror, w, legend)
	b.close()
	return template.HTML(b.String())
}

// radarLegend lists the series actually drawn.
func radarLegend(r *Report) []legendItem {
	items := []legendItem{{"current", colCurrent, "", markCircle, r.legendCurrent()}}
	if r.HasTargets() {
		items = append(items, legendItem{"target", colTarget, "7 4", markSquare, r.legendTarget()})
	}
	if r.Previous != nil {
		items = append(items, legendItem{"previous", colPrevious, "1.5 3.5", markTriangle, legendPrevious(r)})
	}
	if r.Scores.Overall.NotAssessed > 0 {
		items = append(items, legendItem{"not-assessed", colCurrent, "", markHollow, r.legendNotAssessed()})
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
