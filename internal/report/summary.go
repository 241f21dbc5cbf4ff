package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Every sentence and label the report writes comes from the message files
// (internal/i18n/locales/report.*.json) in the report's language; this file
// only chooses which message and fills in the figures.

func (r *Report) translator() *i18n.Translator {
	if r.tr == nil {
		r.tr = i18n.Default().For(r.Lang)
	}
	return r.tr
}

func (r *Report) t(id string, args ...any) string { return r.translator().T(id, args...) }

// dec formats a mean phase with one decimal in the report's locale.
func (r *Report) dec(f float64) string { return r.translator().Decimal(f, 1) }

// NotAssessedLabel stands in for the phase of a capability not assessed.
func (r *Report) NotAssessedLabel() string { return r.t("ReportNotAssessed") }

func (r *Report) answerLabel(v assessment.AnswerValue) string {
	if v == assessment.Unanswered {
		return r.t("AnswerUnanswered")
	}
	return r.t("Answer_" + string(v))
}

func (r *Report) statusLabel(s assessment.Status) string { return r.t("Status_" + string(s)) }

func (r *Report) phaseFallback(n int) string { return r.t("ReportPhaseN", "N", n) }

// summarise writes the executive summary from the figures. Each sentence
// stands alone so it reads well as a bullet.
func summarise(r *Report) []string {
	o := r.Scores.Overall
	// The summary leads with how many capabilities stand at each phase;
	// averages of the ordinal scale stay in the tables, labelled as such.
	var out []string
	if o.Assessed > 0 {
		out = append(out, distributionSentence(r))
	}
	out = append(out, r.t("SumCompletion", "Answered", o.Completion.Answered, "Total", o.Completion.Total,
		"Percent", o.Completion.Percent, "Count", o.Capabilities))
	var notAssessed []string
	for _, c := range r.Capabilities {
		if c.Score.Phase == nil {
			notAssessed = append(notAssessed, capRef(c.Number, c.Short))
		}
	}
	if len(notAssessed) == 0 {
		out = append(out, r.t("SumAllAssessed", "Count", o.Capabilities))
	} else {
		out = append(out, r.t("SumSomeAssessed", "Assessed", o.Assessed, "Count", o.Capabilities, "List", strings.Join(notAssessed, r.t("ReportListSep"))))
	}
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
		return []string{r.t("SumOneDomain", "Name", capRef(scored[0].Number, scored[0].Name), "Mean", r.dec(*scored[0].Score.Mean))}
	}
	hi, lo := *scored[0].Score.Mean, *scored[0].Score.Mean
	for _, d := range scored {
		hi, lo = max(hi, *d.Score.Mean), min(lo, *d.Score.Mean)
	}
	if hi == lo {
		return []string{r.t("SumDomainsEqual", "Count", len(scored), "Mean", r.dec(hi))}
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
	return []string{r.extremeSentence("Strongest", pick(hi), hi), r.extremeSentence("Weakest", pick(lo), lo)}
}

func (r *Report) extremeSentence(which string, names []string, v float64) string {
	if len(names) == 1 {
		return r.t("Sum"+which, "Name", names[0], "Mean", r.dec(v))
	}
	return r.t("Sum"+which+"Tied", "Mean", r.dec(v), "List", r.joinAnd(names))
}

// MaxGapsInSummary is how many gaps to target the summary names.
const MaxGapsInSummary = 3

func gapSentence(r *Report) string {
	if !r.HasTargets() {
		return r.t("SumNoTargets")
	}
	gaps := r.Gaps()
	if len(gaps) == 0 {
		return r.t("SumTargetsReached")
	}
	var parts []string
	for _, c := range gaps[:min(len(gaps), MaxGapsInSummary)] {
		parts = append(parts, r.t("SumGapItem", "Name", capRef(c.Number, c.Short), "Phase", *c.Score.Phase, "Target", *c.Score.Target, "Gap", c.Score.Gap))
	}
	return r.t("SumGaps", "List", strings.Join(parts, r.t("ReportListSemi")))
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
		return []string{r.t("SumNoPrevious")}
	}
	since := p.Period
	if since == "" {
		since = p.Title
	}
	var out []string
	if len(p.MovedUp) > 0 {
		out = append(out, r.t("SumMovedUp", "Since", since, "List", r.changeList(p.MovedUp)))
	}
	if len(p.Slipped) > 0 {
		out = append(out, r.t("SumSlipped", "Since", since, "List", r.changeList(p.Slipped)))
	}
	if len(p.MovedUp) == 0 && len(p.Slipped) == 0 {
		out = append(out, r.t("SumNoChange", "Since", since))
	}
	if p.Unchanged > 0 {
		out = append(out, r.t("SumUnchanged", "Count", p.Unchanged, "Since", since))
	}
	if len(p.NewlyAssessed) > 0 {
		var names []string
		for _, c := range p.NewlyAssessed {
			names = append(names, r.t("SumNewItem", "Name", capRef(c.Number, c.Name), "Phase", c.To))
		}
		out = append(out, r.t("SumNewlyAssessed", "Since", since, "List", strings.Join(names, r.t("ReportListSep"))))
	}
	return out
}

func (r *Report) changeList(cs []Change) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, r.t("SumChangeItem", "Name", capRef(c.Number, c.Name), "From", *c.From, "To", c.To))
	}
	return strings.Join(parts, r.t("ReportListSep"))
}

func (r *Report) joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return r.t("ListAnd", "List", strings.Join(names[:len(names)-1], r.t("ReportListSep")), "Last", names[len(names)-1])
}

// Chart texts. Titles and descriptions are the charts' text alternative, so
// they carry every value shown.

func radarTitle(r *Report) string      { return r.t("ChartRadarTitle", "Name", coverName(r)) }
func capBarsTitle(r *Report) string    { return r.t("ChartCapBarsTitle", "Name", coverName(r)) }
func domainBarsTitle(r *Report) string { return r.t("ChartDomainBarsTitle", "Name", coverName(r)) }

func coverName(r *Report) string {
	if r.Cover.Period == "" {
		return r.Cover.Title
	}
	return r.Cover.Title + ", " + r.Cover.Period
}

func scaleSentence(r *Report) string {
	return r.t("ChartScale", "Low", r.PhaseName(0), "Max", framework.MaxPhase, "High", r.PhaseName(framework.MaxPhase))
}

// capabilitiesDesc lists each capability's phase, target and previous phase.
func capabilitiesDesc(r *Report) string {
	parts := []string{r.t("ChartCapDesc") + " " + scaleSentence(r)}
	for _, c := range r.Capabilities {
		var bits []string
		if c.Score.Phase == nil {
			bits = append(bits, r.t("ChartNotAssessed"))
		} else {
			bits = append(bits, r.t("ChartPhase", "N", *c.Score.Phase))
		}
		if c.Score.Target != nil {
			bits = append(bits, r.t("ChartTarget", "N", *c.Score.Target))
		}
		if r.Previous != nil {
			if c.Previous != nil {
				bits = append(bits, r.t("ChartPrevious", "N", *c.Previous))
			} else {
				bits = append(bits, r.t("ChartPreviousNone"))
			}
		}
		parts = append(parts, capRef(c.Number, c.Short)+": "+strings.Join(bits, r.t("ReportListSep"))+".")
	}
	return strings.Join(parts, " ")
}

func domainsDesc(r *Report) string {
	parts := []string{r.t("ChartDomainDesc") + " " + scaleSentence(r)}
	for _, d := range r.Domains {
		s := capRef(d.Number, d.Name) + ": "
		if d.Score.Mean == nil {
			s += r.t("ChartNotAssessed")
		} else {
			s += r.dec(*d.Score.Mean)
		}
		if d.Score.TargetMean != nil {
			s += ", " + r.t("ChartTargetMean", "Mean", r.dec(*d.Score.TargetMean))
		}
		parts = append(parts, s+".")
	}
	return strings.Join(parts, " ")
}

func (r *Report) legendCurrent() string      { return r.t("LegendCurrent") }
func (r *Report) legendTarget() string       { return r.t("LegendTarget") }
func (r *Report) legendNotAssessed() string  { return r.t("LegendNotAssessed") }
func (r *Report) legendDomainMean() string   { return r.t("LegendDomainMean") }
func (r *Report) legendDomainTarget() string { return r.t("LegendDomainTarget") }
func (r *Report) notAssessedShort() string   { return r.t("ChartNotAssessed") }

func legendPrevious(r *Report) string {
	if r.Previous == nil || r.Previous.Period == "" {
		return r.t("LegendPrevious")
	}
	return r.t("LegendPreviousPeriod", "Period", r.Previous.Period)
}
