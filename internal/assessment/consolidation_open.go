package assessment

// OpenToConsolidate is Consolidate(cd, contributions, answers).Open without
// lining up the positions: the overview counts the indicators still to
// adopt or decide on every view, and needs nothing else.
func OpenToConsolidate(cd *CapabilityDetail, contributions []Contribution, answers map[int64]map[string]Answer) int {
	var in []int64 // submitted contributions asked about the capability
	for _, c := range contributions {
		if c.Status == ContributionSubmitted && c.Asks(cd.Capability.Key) {
			in = append(in, c.ID)
		}
	}
	if len(in) == 0 {
		return 0
	}
	open := 0
	values := make([]AnswerValue, len(in))
	for _, ind := range cd.Capability.Indicators {
		for i, id := range in {
			values[i] = answers[id][ind.Key].Value // missing: unanswered, as in Consolidate
		}
		if IndicatorAgreement(values) != AgreementNone && cd.Answer(ind.Key).Source == SourceTyped {
			open++
		}
	}
	return open
}
