package report

import (
	"html/template"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// MaxTimelineQuarters bounds the timeline; actions beyond it are clipped
// at its edge (the text alternative keeps their dates).
const MaxTimelineQuarters = 16

// TimelineText is what the timeline says, in the page's language.
type TimelineText struct {
	Title, Desc string
	Quarter     func(year, q int) string
	Label       func(PlanRow) string // an action's label beside its bar
}

type quarter struct{ year, q int }

func quarterOf(t time.Time) quarter { return quarter{t.Year(), (int(t.Month())-1)/3 + 1} }
func (q quarter) index() int        { return q.year*4 + q.q - 1 }
func (q quarter) start() time.Time {
	return time.Date(q.year, time.Month((q.q-1)*3+1), 1, 0, 0, 0, 0, time.UTC)
}

// PlanTimelineSVG draws the dated actions by quarter: one bar per action
// from its start (or its due quarter) to its due date, mirrored for
// right-to-left languages. Status shows as the bar's pattern and a mark
// (planned outline, in progress solid, done ✓, blocked dashed ✕, dropped
// thin), overdue actions with "!", never by colour alone. Empty when no
// action has a due date.
func PlanTimelineSVG(p *Plan, lang string, now time.Time, tx TimelineText) template.HTML {
	var rows []PlanRow
	first, last := quarter{9999, 4}, quarter{0, 1}
	for _, r := range p.Rows {
		if r.Action.DueDate == nil {
			continue
		}
		rows = append(rows, r)
		s, d := quarterOf(barStart(r.Action)), quarterOf(*r.Action.DueDate)
		if s.index() < first.index() {
			first = s
		}
		if d.index() > last.index() {
			last = d
		}
	}
	if len(rows) == 0 {
		return ""
	}
	if last.index()-first.index() >= MaxTimelineQuarters {
		last = quarter{(first.index() + MaxTimelineQuarters - 1) / 4, (first.index()+MaxTimelineQuarters-1)%4 + 1}
	}
	const (
		w, labelEnd, x0, x1 = 760.0, 270.0, 285.0, 745.0
		top, rowH, barH     = 44.0, 24.0, 12.0
	)
	mirror := isRTL(lang)
	n := last.index() - first.index() + 1
	qw := (x1 - x0) / float64(n)
	day := func(t time.Time) float64 {
		i := quarterOf(t).index() - first.index()
		if i < 0 {
			return x0
		}
		if i >= n {
			return x1
		}
		q := quarterOf(t)
		span := q.start().AddDate(0, 3, 0).Sub(q.start()).Hours()
		return x0 + qw*(float64(i)+t.Sub(q.start()).Hours()/span)
	}
	X := func(x float64) float64 { return mirrorX(mirror, w, x) }
	h := top + rowH*float64(len(rows)) + 12
	var b svgBuilder
	b.open(w, h, "chart chart-timeline", tx.Title, tx.Desc)
	for i := 0; i < n; i++ {
		q := quarter{(first.index() + i) / 4, (first.index()+i)%4 + 1}
		xa := x0 + qw*float64(i)
		b.line(`<line class="gridline" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, num(X(xa)), num(top-20), num(X(xa)), num(h-8), colGrid)
		b.line(`<text x="%s" y="%s" font-size="11" text-anchor="middle" fill="#333">%s</text>`, num(X(xa+qw/2)), num(top-8), esc(tx.Quarter(q.year, q.q)))
	}
	if t := now; !t.Before(first.start()) && quarterOf(t).index() <= last.index() {
		b.line(`<line class="today" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="2 2"/>`, num(X(day(t))), num(top-20), num(X(day(t))), num(h-8), colTarget)
	}
	for i, r := range rows {
		y := top + rowH*float64(i)
		b.line(`<g class="timeline-row" data-action="%d" data-status="%s">`, r.Action.ID, r.Action.Status)
		b.line(`<text x="%s" y="%s" font-size="11" text-anchor="%s" fill="#222">%s</text>`, num(X(labelEnd)), num(y+barH-2), anchor(mirror, "end"), esc(clip(tx.Label(r), 40)))
		xs, xe := day(barStart(r.Action)), day(*r.Action.DueDate)
		if xe-xs < 4 {
			xe = xs + 4
		}
		left, right := X(xs), X(xe)
		if mirror {
			left, right = right, left
		}
		b.line(`<rect x="%s" y="%s" width="%s" height="%s" %s/>`, num(left), num(y+2), num(right-left), num(barH), barStyle(r.Action.Status))
		if mark := statusMark(r); mark != "" {
			b.line(`<text x="%s" y="%s" font-size="12" font-weight="bold" text-anchor="%s" fill="#222">%s</text>`, num(X(xe+4)), num(y+barH), anchor(mirror, "start"), mark)
		}
		b.line(`</g>`)
	}
	b.close()
	return template.HTML(b.String())
}

// barStart is where an action's bar begins: its start, or the first day of
// its due quarter when it has none.
func barStart(a assessment.PlanAction) time.Time {
	if a.StartDate != nil && !a.StartDate.After(*a.DueDate) {
		return *a.StartDate
	}
	return quarterOf(*a.DueDate).start()
}

func barStyle(s assessment.ActionStatus) string {
	switch s {
	case assessment.ActionInProgress:
		return `fill="` + colCurrent + `" stroke="` + colCurrent + `"`
	case assessment.ActionDone:
		return `fill="#3d7a3d" stroke="#3d7a3d"`
	case assessment.ActionBlocked:
		return `fill="#fff" stroke="#a11" stroke-width="2" stroke-dasharray="4 3"`
	case assessment.ActionDropped:
		return `fill="#ddd" stroke="#777" stroke-width="1"`
	}
	return `fill="#fff" stroke="` + colCurrent + `" stroke-width="2"`
}

func statusMark(r PlanRow) string {
	switch {
	case r.Overdue:
		return "!"
	case r.Action.Status == assessment.ActionDone:
		return "✓"
	case r.Action.Status == assessment.ActionBlocked:
		return "✕"
	}
	return ""
}

func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
