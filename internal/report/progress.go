package report

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Direction is how a capability or domain moved between the last two
// cycles. Each has its own arrow and words, so no meaning rests on colour.
type Direction string

// Directions.
const (
	DirUp           Direction = "up"
	DirDown         Direction = "down"
	DirSame         Direction = "same"
	DirNotAssessed  Direction = "not-assessed"  // a phase is missing in one of the two cycles
	DirNoComparable Direction = "no-comparable" // no mapping between the framework versions
	DirNone         Direction = ""              // only one cycle so far
)

// Arrow is the symbol shown with the words.
func (d Direction) Arrow() string {
	return map[Direction]string{DirUp: "↑", DirDown: "↓", DirSame: "=", DirNotAssessed: "–", DirNoComparable: "–"}[d]
}

// Words describe the direction in plain English.
func (d Direction) Words() string { return d.WordsIn("en") }

// WordsIn describe the direction in plain language, in lang (message ids
// ProgressDir_<direction> in internal/i18n/locales/work.*.json); empty for
// DirNone.
func (d Direction) WordsIn(lang string) string {
	if d == DirNone {
		return ""
	}
	return i18n.Default().For(lang).T("ProgressDir_" + string(d))
}

// Cycle is one column of the progress view.
type Cycle struct {
	AssessmentID     int64
	Title            string
	Period           string
	Status           assessment.Status
	Draft            bool // not approved yet: figures may still change
	FrameworkVersion string
	// Comparable is false when no mapping relates the cycle's framework
	// version to the current one; none of its figures are then shown.
	Comparable bool
}

// Point is a capability's phase in one cycle. Phase is nil when the
// capability was out of scope, not assessed, or has no counterpart.
type Point struct {
	Phase      *int
	OutOfScope bool
	NoMapping  bool
}

// CapabilityProgress is one capability (current framework) across cycles.
type CapabilityProgress struct {
	Key       string
	Number    int
	Name      string
	DomainKey string
	Points    []Point
	Direction Direction
	From, To  *int // the last two cycles' phases, when both are known
}

// DomainProgress is one domain's mean phase across cycles, over the
// capabilities mapped into it that were assessed in that cycle.
type DomainProgress struct {
	Key       string
	Number    int
	Name      string
	Means     []*float64
	Direction Direction
}

// Progress is an organisation's assessments side by side, oldest first,
// read in the current framework's terms.
type Progress struct {
	Cycles       []Cycle
	Capabilities []CapabilityProgress
	Domains      []DomainProgress
	MovedUp      []CapabilityProgress
	Slipped      []CapabilityProgress
	// NoMapping lists capabilities with no comparable data in some cycle
	// because the framework versions do not map.
	NoMapping []CapabilityProgress
	// Actions counts, per capability, the previous cycle's actions done
	// since (ActionProgress); nil with fewer than two comparable cycles.
	Actions map[string]ActionCount
}

// BuildProgress lines up the cycles (oldest first) against cur. Scores come
// from Score, so the phases are the ones the reports show; keys of other
// framework versions are translated through cur's mappings, and where none
// exists the point says so rather than guessing.
func BuildProgress(cur *framework.Framework, cycles []*assessment.Detail, lang string) *Progress {
	p := &Progress{}
	byKey := map[string]*CapabilityProgress{}
	for _, c := range cur.Capabilities() {
		p.Capabilities = append(p.Capabilities, CapabilityProgress{Key: c.Key, Number: c.Number, Name: c.Short.In(lang), DomainKey: c.Domain.Key})
	}
	for i := range p.Capabilities {
		byKey[p.Capabilities[i].Key] = &p.Capabilities[i]
	}
	for _, d := range cycles {
		p.Cycles = append(p.Cycles, Cycle{AssessmentID: d.Assessment.ID, Title: d.Assessment.Title, Period: d.Assessment.Period,
			Status: d.Assessment.Status, Draft: d.Assessment.Status != assessment.StatusApproved,
			FrameworkVersion: d.Assessment.FrameworkVersion, Comparable: cur.Comparable(d.Assessment.FrameworkVersion)})
		points := cyclePoints(cur, d)
		for _, cp := range p.Capabilities {
			byKey[cp.Key].Points = append(byKey[cp.Key].Points, points[cp.Key])
		}
	}
	for i := range p.Capabilities {
		cp := &p.Capabilities[i]
		cp.Direction, cp.From, cp.To = direction(cp.Points)
		switch cp.Direction {
		case DirUp:
			p.MovedUp = append(p.MovedUp, *cp)
		case DirDown:
			p.Slipped = append(p.Slipped, *cp)
		}
		for _, pt := range cp.Points {
			if pt.NoMapping {
				p.NoMapping = append(p.NoMapping, *cp)
				break
			}
		}
	}
	p.Domains = domainProgress(cur, p, lang)
	return p
}

// cyclePoints reads one cycle's capability phases under current keys.
func cyclePoints(cur *framework.Framework, d *assessment.Detail) map[string]Point {
	return scoredPoints(cur, d, Score(d).Capabilities)
}

// scoredPoints is cyclePoints from the cycle's capability scores.
func scoredPoints(cur *framework.Framework, d *assessment.Detail, scores []CapabilityScore) map[string]Point {
	out := map[string]Point{}
	for _, c := range cur.Capabilities() {
		out[c.Key] = Point{NoMapping: true}
	}
	if !cur.Comparable(d.Assessment.FrameworkVersion) {
		return out
	}
	for _, c := range d.Framework.Capabilities() {
		if k, ok := cur.MapCapability(d.Assessment.FrameworkVersion, c.Key); ok {
			out[k] = Point{OutOfScope: true}
		}
	}
	for _, cs := range scores {
		if k, ok := cur.MapCapability(d.Assessment.FrameworkVersion, cs.Key); ok {
			out[k] = Point{Phase: copyInt(cs.Phase)}
		}
	}
	return out
}

// direction compares the last two points.
func direction(points []Point) (Direction, *int, *int) {
	n := len(points)
	if n < 2 {
		return DirNone, nil, nil
	}
	a, b := points[n-2], points[n-1]
	switch {
	case a.NoMapping || b.NoMapping:
		return DirNoComparable, nil, nil
	case a.Phase == nil || b.Phase == nil:
		return DirNotAssessed, nil, nil
	case *b.Phase > *a.Phase:
		return DirUp, a.Phase, b.Phase
	case *b.Phase < *a.Phase:
		return DirDown, a.Phase, b.Phase
	}
	return DirSame, a.Phase, b.Phase
}

func domainProgress(cur *framework.Framework, p *Progress, lang string) []DomainProgress {
	var out []DomainProgress
	for _, dom := range cur.Domains {
		dp := DomainProgress{Key: dom.Key, Number: dom.Number, Name: dom.Name.In(lang)}
		for i := range p.Cycles {
			var t tally
			for _, cp := range p.Capabilities {
				if cp.DomainKey == dom.Key {
					t.add(CapabilityScore{Phase: cp.Points[i].Phase})
				}
			}
			dp.Means = append(dp.Means, t.mean())
		}
		dp.Direction = meanDirection(p.Cycles, dp.Means)
		out = append(out, dp)
	}
	return out
}

func meanDirection(cycles []Cycle, means []*float64) Direction {
	n := len(means)
	if n < 2 {
		return DirNone
	}
	a, b := means[n-2], means[n-1]
	switch {
	case !cycles[n-2].Comparable || !cycles[n-1].Comparable:
		return DirNoComparable
	case a == nil || b == nil:
		return DirNotAssessed
	case *b > *a:
		return DirUp
	case *b < *a:
		return DirDown
	}
	return DirSame
}
