package assessment

import "github.com/mnr-self-assessment/mnr/internal/framework"

// SuggestedPhase applies the cumulative rule: the highest phase p such that
// every indicator of phase ≤ p is answered Yes. Not applicable indicators are
// ignored; Partly, No, Don't know and unanswered all stop the climb. A phase
// whose indicators are all Not applicable is passed through.
func SuggestedPhase(c *framework.Capability, answers map[string]AnswerValue) int {
	phase := 0
	for p := 1; p <= framework.MaxPhase; p++ {
		for _, in := range c.IndicatorsByPhase(p) {
			v := answers[in.Key]
			if v != Yes && v != NA {
				return phase
			}
		}
		phase = p
	}
	return phase
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
