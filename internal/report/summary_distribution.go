package report

import "strings"

// distributionSentence says how many assessed capabilities stand at each
// phase, every phase named (zero counts too, so the shape is plain), and
// how many are at Established or above. Phases are an ordered scale, not
// measurements: the summary counts them rather than averaging them.
func distributionSentence(r *Report) string {
	o := r.Scores.Overall
	items := make([]string, 0, len(o.PhaseCounts))
	for n, count := range o.PhaseCounts {
		items = append(items, r.t("SumDistributionItem", "Count", count, "N", n, "Phase", r.PhaseName(n)))
	}
	return r.t("SumDistribution", "Assessed", o.Assessed, "List", strings.Join(items, r.t("ReportListSep")),
		"Established", o.Established, "Percent", int(roundTo(o.Established*100, o.Assessed, 1)),
		"Phase", r.PhaseName(EstablishedPhase), "N", EstablishedPhase)
}
