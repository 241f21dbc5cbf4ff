package report

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// CycleFigures is what the partner dashboard keeps of one approved
// assessment: its headline figures and, for the aggregates, its capability
// phases. Built one assessment at a time, it lets the dashboard drop each
// assessment once counted instead of holding a thousand whole.
type CycleFigures struct {
	Assessment assessment.Assessment
	National   bool
	Overall    OverallScore
	// Phases are the phases by current capability key (nil: not assessed,
	// out of scope or not mapped); the map is nil unless the assessment is
	// national and comparable with the current framework.
	Phases map[string]*int
}

// FiguresOf computes an assessment's figures, read in cur's terms. d may be
// a values-only Detail (assessment.NewValuesDetail).
func FiguresOf(cur *framework.Framework, d *assessment.Detail) CycleFigures {
	s := Score(d)
	f := CycleFigures{Assessment: d.Assessment, National: d.Assessment.National(d.Framework), Overall: s.Overall}
	if f.National && cur.Comparable(d.Assessment.FrameworkVersion) {
		points := scoredPoints(cur, d, s.Capabilities)
		f.Phases = make(map[string]*int, len(cur.Capabilities()))
		for _, c := range cur.Capabilities() {
			f.Phases[c.Key] = points[c.Key].Phase
		}
	}
	return f
}
