package report

import (
	"fmt"
	"html"
	"strings"
)

// svgBuilder collects SVG markup line by line.
type svgBuilder struct{ strings.Builder }

func (b *svgBuilder) line(format string, args ...any) {
	fmt.Fprintf(b, format, args...)
	b.WriteByte('\n')
}

// open starts the SVG with its text alternative: role="img" with a first
// <title> child gives the accessible name, <desc> the values.
// open starts the chart. Its direction is fixed to ltr: mirroring for
// right-to-left languages is done in the coordinates (mirrorX, anchor), and
// an inherited dir="rtl" would otherwise flip every text-anchor a second time.
func (b *svgBuilder) open(w, h float64, class, title, desc string) {
	b.line(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" preserveAspectRatio="xMidYMid meet" role="img" class="%s" font-family="sans-serif" direction="ltr">`,
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

// legendRows is how many rows the legend needs at width w.
func legendRows(w float64, items []legendItem) int {
	rows, x := 1, legendX
	for _, it := range items {
		iw := legendItemWidth(it)
		if x > legendX && x+iw > w-legendX {
			rows, x = rows+1, legendX
		}
		x += iw
	}
	return rows
}

const (
	legendX    = 20.0
	legendRowH = 20.0
)

// legendItemWidth estimates an item's width from its label length; labels
// are short, so an average glyph width is close enough to avoid overlaps.
func legendItemWidth(it legendItem) float64 {
	return 52 + 6.6*float64(len([]rune(it.label)))
}

// legend draws one sample per series, wrapping rows from y: its line style,
// marker shape and name.
func (b *svgBuilder) legend(y float64, mirror bool, w float64, items []legendItem) {
	b.line(`<g class="legend" font-size="12" fill="%s">`, colText)
	x := legendX
	for _, it := range items {
		iw := legendItemWidth(it)
		if x > legendX && x+iw > w-legendX {
			x, y = legendX, y+legendRowH
		}
		b.line(`<g class="legend-item series-%s">`, it.name)
		if it.marker != markBar && it.marker != markHollow {
			dash := ""
			if it.dash != "" {
				dash = fmt.Sprintf(` stroke-dasharray="%s"`, it.dash)
			}
			b.line(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"%s/>`,
				num(mirrorX(mirror, w, x)), num(y), num(mirrorX(mirror, w, x+28)), num(y), it.color, dash)
		}
		b.line("%s", it.marker.draw(mirrorX(mirror, w, x+14), y, `class="legend-marker"`, it.color))
		b.line(`<text x="%s" y="%s" dy="0.35em" text-anchor="%s" stroke="none">%s</text>`, num(mirrorX(mirror, w, x+34)), num(y), anchor(mirror, "start"), esc(it.label))
		b.line(`</g>`)
		x += iw
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
