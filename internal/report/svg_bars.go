package report

import (
	"fmt"
	"html/template"
	"math"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

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
			target: toFloat(c.Score.Target), previous: toFloat(c.Previous), text: r.notAssessedShort()}
		if c.Score.Phase != nil {
			row.value = toFloat(c.Score.Phase)
			row.text = fmt.Sprint(*c.Score.Phase)
			row.phaseAttr = row.text
		}
		rows = append(rows, row)
	}
	items := []legendItem{{"current", colCurrent, "", markBar, r.legendCurrent()}}
	if r.HasTargets() {
		items = append(items, legendItem{"target", colTarget, "4 3", markDiamond, r.legendTarget()})
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
			value: d.Score.Mean, target: d.Score.TargetMean, text: r.notAssessedShort()}
		if d.Score.Mean != nil {
			row.text = fmt.Sprintf("%.1f", *d.Score.Mean)
		}
		rows = append(rows, row)
	}
	items := []legendItem{{"current", colCurrent, "", markBar, r.legendDomainMean()}}
	if r.HasTargets() {
		items = append(items, legendItem{"target", colTarget, "4 3", markDiamond, r.legendDomainTarget()})
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
	legendY := top + rowH*float64(len(rows)) + 24
	h := legendY + legendRowH*float64(legendRows(w, items)) + 4
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
			// The target sits on its bar: a short line across the bar with
			// the diamond at the bar's middle.
			b.line(`<g class="series-target"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="4 3"/>%s</g>`,
				num(x), num(mid-bar/2-4), num(x), num(mid+bar/2+4), colTarget, markDiamond.draw(x, mid, fmt.Sprintf(`class="pt-target" data-value="%s"`, num(*row.target)), colTarget))
			// The value stays beside its bar unless the target line
			// would run through it.
			if gap := flip(mirror, x-textX); gap > -4 && gap < 7*float64(len(row.text))+4 {
				textX = x + flip(mirror, 8)
			}
		}
		b.line(`<text class="bar-value" x="%s" y="%s" dy="0.35em" text-anchor="%s" font-size="12" fill="%s">%s</text>`,
			num(textX), num(mid), anchor(mirror, "start"), colText, esc(row.text))
		b.line(`</g>`)
	}
	b.legend(legendY, mirror, w, items)
	b.close()
	return template.HTML(b.String())
}
