package assessment

import "github.com/mnr-self-assessment/mnr/internal/framework"

// The phase rule, applied to every framework version and to capabilities
// and enablers alike (the framework data states it in words, Rule):
//
//   - Phase 1 (Building) is reached when every phase-1 indicator is
//     answered Yes or Partly: the scale defines Building as partial.
//   - Phase p ≥ 2 is reached when phase p-1 is reached and every indicator
//     of phases 1..p is answered Yes.
//   - Not applicable answers are set aside, but only within a phase that
//     has at least one other indicator: a phase whose indicators are all
//     Not applicable is not reached, so Not applicable never earns a phase.
//   - No, Don't know and unanswered indicators stop the climb.
//
// Alongside the suggestion, Rate reports what an assessor must see before
// confirming a phase: more than half of the indicators Not applicable (the
// capability is then not assessed), indicators of phases above the
// suggestion that are met (a jagged profile), and Don't know answers (data
// gaps).

// ReasonMostlyNotApplicable is why a capability is not assessed when more
// than half of its indicators are answered Not applicable.
const ReasonMostlyNotApplicable = "mostly-not-applicable"

// Rating is the phase rule applied to one capability's (or enabler's)
// answers.
type Rating struct {
	// Suggested is the highest phase the answers reach.
	Suggested int
	// NotAssessedReason is why the answers cannot place the capability
	// (ReasonMostlyNotApplicable), or "" when they can.
	NotAssessedReason string
	// NotApplicable lists the indicators answered Not applicable.
	NotApplicable []*framework.Indicator
	// AboveSuggested lists the indicators of phases above the suggestion
	// that are answered Yes: a jagged profile, which may justify confirming
	// a higher phase knowingly.
	AboveSuggested []*framework.Indicator
	// DataGaps lists the indicators answered Don't know.
	DataGaps []*framework.Indicator
}

// Rate applies the phase rule to a capability's answers (by indicator key).
func Rate(c *framework.Capability, answers map[string]AnswerValue) Rating {
	r := Rating{Suggested: SuggestedPhase(c, answers)}
	for _, in := range c.Indicators {
		switch answers[in.Key] {
		case NA:
			r.NotApplicable = append(r.NotApplicable, in)
		case Unknown:
			r.DataGaps = append(r.DataGaps, in)
		case Yes:
			if in.Phase > r.Suggested {
				r.AboveSuggested = append(r.AboveSuggested, in)
			}
		}
	}
	if 2*len(r.NotApplicable) > len(c.Indicators) {
		r.NotAssessedReason = ReasonMostlyNotApplicable
	}
	return r
}

// SuggestedPhase is the highest phase p such that every phase up to p is
// reached under the rule above.
func SuggestedPhase(c *framework.Capability, answers map[string]AnswerValue) int {
	phase := 0
	for p := 1; p <= framework.MaxPhase; p++ {
		if blocking, applicable := check(c, answers, p); applicable == 0 || len(blocking) > 0 {
			break
		}
		phase = p
	}
	return phase
}

// Blocking lists the indicators that keep a capability from phase p, in
// framework order: for phase 1 those of phase 1 not answered Yes, Partly or
// Not applicable; for higher phases those of phases 1..p not answered Yes
// or Not applicable. When every indicator of phase p is Not applicable,
// they are listed too: the phase needs at least one that applies. Next
// steps towards a phase are these indicators.
func Blocking(c *framework.Capability, answers map[string]AnswerValue, p int) []*framework.Indicator {
	blocking, applicable := check(c, answers, p)
	if applicable == 0 {
		return append(blocking, c.IndicatorsByPhase(p)...)
	}
	return blocking
}

// check returns the indicators of phases 1..p whose answers do not meet
// phase p, and how many indicators of phase p itself apply (are not Not
// applicable).
func check(c *framework.Capability, answers map[string]AnswerValue, p int) (blocking []*framework.Indicator, applicable int) {
	for _, in := range c.Indicators {
		if in.Phase > p {
			continue
		}
		v := answers[in.Key]
		if in.Phase == p && v != NA {
			applicable++
		}
		if !meets(v, p) {
			blocking = append(blocking, in)
		}
	}
	return blocking, applicable
}

// meets reports whether an answer lets the capability reach phase p.
func meets(v AnswerValue, p int) bool {
	return v == Yes || v == NA || (p == 1 && v == Partly)
}

// Completion counts answered indicators (any value, Not applicable included)
// out of the total.
type Completion struct {
	Answered int
	Total    int
}

// Add sums two completions, for domain and overall figures.
func (c Completion) Add(o Completion) Completion {
	return Completion{c.Answered + o.Answered, c.Total + o.Total}
}

// Ratio is the share answered, 0 when there is nothing to answer.
func (c Completion) Ratio() float64 {
	if c.Total == 0 {
		return 0
	}
	return float64(c.Answered) / float64(c.Total)
}

// Percent is Ratio as a whole percentage, rounded down so 99.6 % is never
// shown as complete.
func (c Completion) Percent() int {
	if c.Total == 0 {
		return 0
	}
	return c.Answered * 100 / c.Total
}

// Complete reports whether every indicator is answered.
func (c Completion) Complete() bool { return c.Total > 0 && c.Answered == c.Total }

// CapabilityCompletion counts the answered indicators of one capability.
func CapabilityCompletion(c *framework.Capability, answers map[string]AnswerValue) Completion {
	out := Completion{Total: len(c.Indicators)}
	for _, in := range c.Indicators {
		if answers[in.Key] != Unanswered {
			out.Answered++
		}
	}
	return out
}
