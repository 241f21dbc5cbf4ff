package report

import (
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Key findings are the report's opening: five sentences written from the
// figures (messages Find* in reportdoc.<lang>.json), in the order a reader
// asks: where the country stands, what moved, what is not in place, where
// the largest gaps to target are (and by which rule), and what is missing.
// Every number in them is a string of Figures, so they cannot disagree
// with the tiles and tables.

// GapRule is how the largest gaps are chosen, stated in the findings:
// the gap is the target phase minus the confirmed phase, and every
// capability with the largest gap is named, ties included; none is
// singled out when all gaps are equal.
type GapRule struct {
	Largest []CapabilityRef // every capability with the largest gap
	Gap     int             // the largest gap; 0 when no capability is below target
	Below   int             // capabilities below their target
	Equal   bool            // every capability below target has the same gap
}

func (r *Report) gapRule() GapRule {
	var g GapRule
	for _, c := range r.Capabilities {
		if c.Score.Gap <= 0 {
			continue
		}
		g.Below++
		ref := CapabilityRef{Key: c.Key, Number: c.Number, Short: c.Short}
		switch {
		case c.Score.Gap > g.Gap:
			g.Gap, g.Largest = c.Score.Gap, []CapabilityRef{ref}
		case c.Score.Gap == g.Gap:
			g.Largest = append(g.Largest, ref)
		}
	}
	g.Equal = g.Below > 1 && len(g.Largest) == g.Below
	return g
}

func findings(r *Report) []string {
	f := &r.Figures
	out := []string{positionFinding(r)}
	out = append(out, movementFinding(r))
	if f.Assessed.N > 0 {
		zero := f.ByPhase[0]
		if len(zero.Caps) == 0 {
			out = append(out, r.t("FindNoneAtZero", "Phase", zero.Name))
		} else {
			out = append(out, r.t("FindAtZero", "Phase", zero.Name, "Count", len(zero.Caps), "List", r.refList(zero.Caps)))
		}
	}
	out = append(out, gapFinding(r))
	out = append(out, dataGapFinding(r))
	return out
}

func positionFinding(r *Report) string {
	f := &r.Figures
	if f.Assessed.N == 0 {
		return r.t("FindNoneAssessed", "Count", f.Assessed.Of)
	}
	var parts []string
	for _, p := range f.ByPhase {
		if p.Share.N > 0 {
			parts = append(parts, r.t("FindPhaseItem", "N", p.Phase, "Name", p.Name, "Count", p.Share.N))
		}
	}
	return r.t("FindPosition", "Assessed", f.AssessedText, "List", strings.Join(parts, r.t("ReportListSemi")),
		"Established", f.EstablishedText, "N", EstablishedPhase, "Phase", r.PhaseName(EstablishedPhase), "Mean", f.Mean)
}

func movementFinding(r *Report) string {
	p := r.Previous
	if p == nil {
		return r.t("FindFirstCycle")
	}
	since := p.Period
	if since == "" {
		since = p.Title
	}
	list := func(cs []Change) string {
		if len(cs) == 0 {
			return r.t("FindNone")
		}
		return r.changeList(cs)
	}
	return r.t("FindMovement", "Since", since, "Up", list(p.MovedUp), "Down", list(p.Slipped), "Same", p.Unchanged)
}

func gapFinding(r *Report) string {
	if !r.HasTargets() {
		return r.t("SumNoTargets")
	}
	g := r.gapRule()
	switch {
	case g.Below == 0:
		return r.t("SumTargetsReached")
	case g.Equal:
		return r.t("FindGapsEqual", "Count", g.Below, "Gap", g.Gap)
	}
	return r.t("FindGapsLargest", "Gap", g.Gap, "List", r.refList(g.Largest), "Below", g.Below)
}

func dataGapFinding(r *Report) string {
	f := &r.Figures
	if f.DontKnow == 0 && f.Unanswered == 0 && len(f.NotAssessed) == 0 {
		return r.t("FindNoDataGaps")
	}
	na := r.t("FindNone")
	if len(f.NotAssessed) > 0 {
		na = r.refList(f.NotAssessed)
	}
	return r.t("FindDataGaps", "DontKnow", f.DontKnow, "Unanswered", f.Unanswered, "NotAssessed", na)
}

func (r *Report) refList(refs []CapabilityRef) string {
	names := make([]string, len(refs))
	for i, c := range refs {
		names[i] = c.String()
	}
	return strings.Join(names, r.t("ReportListSep"))
}

// MaxPhase is the top of the scale, for templates.
func (r *Report) MaxPhase() int { return framework.MaxPhase }
