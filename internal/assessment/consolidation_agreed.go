package assessment

// Adoption names the submitted contribution whose answer to an indicator
// becomes the national answer, and the national answer's version it
// replaces (a stale version is a conflict, never an overwrite).
type Adoption struct {
	IndicatorKey   string
	ContributionID int64
	Version        int
}

// Unanimous lists the adoptions a coordinator can make in one step: the
// indicators still open on which every submitted contribution gave the
// same answer. "Don't know" and no answer are not a position anyone can
// adopt, so an indicator where an agency gave one of them is left for a
// decision. The first agreeing contribution is recorded as the source.
func (c CapabilityConsolidation) Unanimous() []Adoption {
	var out []Adoption
	for _, ic := range c.Indicators {
		if !ic.Open || len(ic.Positions) == 0 {
			continue
		}
		v := ic.Positions[0].Answer.Value
		same := v != Unanswered && v != Unknown
		for _, p := range ic.Positions[1:] {
			same = same && p.Answer.Value == v
		}
		if same {
			out = append(out, Adoption{IndicatorKey: ic.Indicator.Key, ContributionID: ic.Positions[0].Contribution.ID, Version: ic.National.Version})
		}
	}
	return out
}
