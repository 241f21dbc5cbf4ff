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
	return new(CycleScorer).Of(cur, d)
}

// CycleScorer computes the figures of many assessments one after another,
// scoring each in the same memory (the figures it returns share none of
// it). The zero value is ready to use.
type CycleScorer struct{ scores Scores }

// Of is FiguresOf in fs's memory.
func (fs *CycleScorer) Of(cur *framework.Framework, d *assessment.Detail) CycleFigures {
	s := scoreInto(fs.scores, d)
	fs.scores = s
	f := CycleFigures{Assessment: d.Assessment, National: d.Assessment.National(d.Framework), Overall: s.Overall}
	if f.National && cur.Comparable(d.Assessment.FrameworkVersion) {
		f.Phases = phasesIn(cur, d.Assessment.FrameworkVersion, s.Capabilities)
	}
	return f
}

// phasesIn is scoredPoints' phases by current capability key, without its
// map of points and with the phases in one block: the partner dashboard
// keeps a thousand of them.
func phasesIn(cur *framework.Framework, version string, scores []CapabilityScore) map[string]*int {
	out := make(map[string]*int, len(cur.Capabilities()))
	for _, c := range cur.Capabilities() {
		out[c.Key] = nil
	}
	phases := make([]int, 0, len(scores))
	for _, cs := range scores {
		k, ok := cur.MapCapability(version, cs.Key)
		if _, current := out[k]; !ok || !current {
			continue
		}
		out[k] = nil
		if cs.Phase != nil {
			phases = append(phases, *cs.Phase)
			out[k] = &phases[len(phases)-1]
		}
	}
	return out
}
