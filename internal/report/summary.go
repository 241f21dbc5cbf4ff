package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// This file holds every English sentence and label the report writes, so a
// later change can swap it for message IDs without touching the arithmetic.

// NotAssessedLabel stands in for the phase of a capability not assessed.
const NotAssessedLabel = "Not assessed"

func answerLabel(v assessment.AnswerValue) string {
	switch v {
	case assessment.Yes:
		return "Yes"
	case assessment.Partly:
		return "Partly"
	case assessment.No:
		return "No"
	case assessment.Unknown:
		return "Don't know"
	case assessment.NA:
		return "Not applicable"
	case assessment.Unanswered:
		return "Not answered"
	}
	return string(v)
}

func statusLabel(s assessment.Status) string {
	switch s {
	case assessment.StatusDraft:
		return "Draft"
	case assessment.StatusInReview:
		return "In review"
	case assessment.StatusApproved:
		return "Approved"
	}
	return string(s)
}

func phaseFallback(n int) string { return fmt.Sprintf("Phase %d", n) }

// summarise writes the executive summary from the figures. Each sentence
// stands alone so it reads well as a bullet.
func summarise(r *Report) []string {
	o := r.Scores.Overall
	out := []string{fmt.Sprintf("%d of %d indicators answered (%d%%) across %d capabilities in scope.",
		o.Completion.Answered, o.Completion.Total, o.Completion.Percent, o.Capabilities)}

	var notAssessed []string
	for _, c := range r.Capabilities {
		if c.Score.Phase == nil {
			notAssessed = append(notAssessed, capRef(c.Number, c.Short))
		}
	}
	if len(notAssessed) == 0 {
		out = append(out, fmt.Sprintf("All %d capabilities in scope are assessed.", o.Capabilities))
	} else {
		out = append(out, fmt.Sprintf("%d of %d capabilities assessed; not yet assessed (no phase shown or counted): %s.",
			o.Assessed, o.Capabilities, strings.Join(notAssessed, ", ")))
	}
	if o.Mean != nil {
		out = append(out, fmt.Sprintf("Average confirmed phase of the assessed capabilities: %.1f on the scale 0 to 4; %d of %d (%d%%) are at %s (phase %d) or above.",
			*o.Mean, o.Established, o.Assessed, int(roundTo(o.Established*100, o.Assessed, 1)), r.PhaseName(EstablishedPhase), EstablishedPhase))
	}
	out = append(out, domainSentences(r)...)
	out = append(out, gapSentence(r))
	out = append(out, changeSentences(r)...)
	return out
}

func capRef(number int, name string) string { return fmt.Sprintf("%d %s", number, name) }

// domainSentences names the strongest and weakest domains by mean phase,
// listing ties together rather than picking one arbitrarily.
func domainSentences(r *Report) []string {
	var scored []DomainSection
	for _, d := range r.Domains {
		if d.Score.Mean != nil {
			scored = append(scored, d)
		}
	}
	switch {
	case len(scored) == 0:
		return nil
	case len(scored) == 1:
		return []string{fmt.Sprintf("Only one domain has assessed capabilities: %s (average phase %.1f).",
			capRef(scored[0].Number, scored[0].Name), *scored[0].Score.Mean)}
	}
	hi, lo := *scored[0].Score.Mean, *scored[0].Score.Mean
	for _, d := range scored {
		hi, lo = max(hi, *d.Score.Mean), min(lo, *d.Score.Mean)
	}
	if hi == lo {
		return []string{fmt.Sprintf("All %d domains with assessed capabilities have the same average phase (%.1f).", len(scored), hi)}
	}
	pick := func(v float64) []string {
		var names []string
		for _, d := range scored {
			if *d.Score.Mean == v {
				names = append(names, capRef(d.Number, d.Name))
			}
		}
		return names
	}
	return []string{extremeSentence("Strongest", pick(hi), hi), extremeSentence("Weakest", pick(lo), lo)}
}

func extremeSentence(which string, names []string, v float64) string {
	if len(names) == 1 {
		return fmt.Sprintf("%s domain by average phase: %s (%.1f).", which, names[0], v)
	}
	return fmt.Sprintf("%s domains by average phase, tied at %.1f: %s.", which, v, joinAnd(names))
}

// MaxGapsInSummary is how many gaps to target the summary names.
const MaxGapsInSummary = 3

func gapSentence(r *Report) string {
	if !r.HasTargets() {
		return "No target phases are set yet; setting them turns these results into a plan."
	}
	gaps := r.Gaps()
	if len(gaps) == 0 {
		return "Every assessed capability with a target phase has reached it."
	}
	var parts []string
	for _, c := range gaps[:min(len(gaps), MaxGapsInSummary)] {
		parts = append(parts, fmt.Sprintf("%s (phase %d, target %d, gap %d)",
			capRef(c.Number, c.Short), *c.Score.Phase, *c.Score.Target, c.Score.Gap))
	}
	return fmt.Sprintf("Largest gaps to target: %s.", strings.Join(parts, "; "))
}

// Gaps returns the capabilities below their target, largest gap first, then
// higher priority, then MNR order.
func (r *Report) Gaps() []CapabilitySection {
	var out []CapabilitySection
	for _, c := range r.Capabilities {
		if c.Score.Gap > 0 {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Score, out[j].Score
		if a.Gap != b.Gap {
			return a.Gap > b.Gap
		}
		if pa, pb := priorityRank(a.Priority), priorityRank(b.Priority); pa != pb {
			return pa < pb
		}
		return a.Number < b.Number
	})
	return out
}

func priorityRank(p string) int {
	switch assessment.Priority(p) {
	case assessment.PriorityHigh:
		return 0
	case assessment.PriorityMedium:
		return 1
	case assessment.PriorityLow:
		return 2
	}
	return 3
}

func changeSentences(r *Report) []string {
	p := r.Previous
	if p == nil {
		return []string{"There is no previous assessment to compare with."}
	}
	since := p.Period
	if since == "" {
		since = p.Title
	}
	var out []string
	if len(p.MovedUp) > 0 {
		out = append(out, fmt.Sprintf("Moved up since %s: %s.", since, changeList(p.MovedUp)))
	}
	if len(p.Slipped) > 0 {
		out = append(out, fmt.Sprintf("Slipped since %s: %s.", since, changeList(p.Slipped)))
	}
	if len(p.MovedUp) == 0 && len(p.Slipped) == 0 {
		out = append(out, fmt.Sprintf("No capability moved up or slipped since %s.", since))
	}
	switch {
	case p.Unchanged == 1:
		out = append(out, fmt.Sprintf("1 capability kept the same phase as in %s.", since))
	case p.Unchanged > 1:
		out = append(out, fmt.Sprintf("%d capabilities kept the same phase as in %s.", p.Unchanged, since))
	}
	if len(p.NewlyAssessed) > 0 {
		var names []string
		for _, c := range p.NewlyAssessed {
			names = append(names, fmt.Sprintf("%s (phase %d)", capRef(c.Number, c.Name), c.To))
		}
		out = append(out, fmt.Sprintf("Assessed now but not in %s: %s.", since, strings.Join(names, ", ")))
	}
	return out
}

func changeList(cs []Change) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s (from phase %d to %d)", capRef(c.Number, c.Name), *c.From, c.To))
	}
	return strings.Join(parts, ", ")
}

func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Chart texts. Titles and descriptions are the charts' text alternative, so
// they carry every value shown.

func radarTitle(r *Report) string {
	return fmt.Sprintf("Maturity by capability: %s", coverName(r))
}

func capBarsTitle(r *Report) string {
	return fmt.Sprintf("Phase by capability: %s", coverName(r))
}

func domainBarsTitle(r *Report) string {
	return fmt.Sprintf("Average phase by domain: %s", coverName(r))
}

func coverName(r *Report) string {
	if r.Cover.Period == "" {
		return r.Cover.Title
	}
	return fmt.Sprintf("%s, %s", r.Cover.Title, r.Cover.Period)
}

func scaleSentence(r *Report) string {
	return fmt.Sprintf("Scale from 0 (%s) to %d (%s).", r.PhaseName(0), framework.MaxPhase, r.PhaseName(framework.MaxPhase))
}

// capabilitiesDesc lists each capability's phase, target and previous phase.
func capabilitiesDesc(r *Report) string {
	parts := []string{"Confirmed phase by capability. " + scaleSentence(r)}
	for _, c := range r.Capabilities {
		s := capRef(c.Number, c.Short) + ": "
		if c.Score.Phase == nil {
			s += "not assessed"
		} else {
			s += fmt.Sprintf("phase %d", *c.Score.Phase)
		}
		if c.Score.Target != nil {
			s += fmt.Sprintf(", target %d", *c.Score.Target)
		}
		if r.Previous != nil {
			if c.Previous != nil {
				s += fmt.Sprintf(", previous cycle %d", *c.Previous)
			} else {
				s += ", not assessed in the previous cycle"
			}
		}
		parts = append(parts, s+".")
	}
	return strings.Join(parts, " ")
}

func domainsDesc(r *Report) string {
	parts := []string{"Average confirmed phase of the assessed capabilities in each domain. " + scaleSentence(r)}
	for _, d := range r.Domains {
		s := capRef(d.Number, d.Name) + ": "
		if d.Score.Mean == nil {
			s += "not assessed"
		} else {
			s += fmt.Sprintf("%.1f", *d.Score.Mean)
		}
		if d.Score.TargetMean != nil {
			s += fmt.Sprintf(", average target %.1f", *d.Score.TargetMean)
		}
		parts = append(parts, s+".")
	}
	return strings.Join(parts, " ")
}

const (
	legendCurrent      = "Current (confirmed phase)"
	legendTarget       = "Target"
	legendNotAssessed  = "Not assessed (no point plotted)"
	legendDomainMean   = "Average confirmed phase"
	legendDomainTarget = "Average target"
	notAssessedShort   = "not assessed"
)

func legendPrevious(r *Report) string {
	if r.Previous == nil || r.Previous.Period == "" {
		return "Previous cycle"
	}
	return fmt.Sprintf("Previous cycle (%s)", r.Previous.Period)
}
