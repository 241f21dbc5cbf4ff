package assessment

import "github.com/mnr-self-assessment/mnr/internal/framework"

// Detail is an assessment read together with its framework: every
// capability in scope with its answers, suggestion and completion. Pages,
// the API and the report are all built from it.
type Detail struct {
	Assessment   Assessment
	Organisation Organisation
	Framework    *framework.Framework
	Domains      []*DomainDetail
	Capabilities []*CapabilityDetail // in scope, MNR order
	Completion   Completion
	// Enablers are the MNR enablers in scope (E1…), answered like
	// capabilities but kept out of Capabilities, Domains and Completion so
	// that no capability figure mixes them in.
	Enablers          []*CapabilityDetail
	EnablerCompletion Completion
}

// DomainDetail is one domain's capabilities in scope.
type DomainDetail struct {
	Domain       *framework.Domain
	Capabilities []*CapabilityDetail
	Completion   Completion
}

// CapabilityDetail is one capability's answers and judgement. The embedded
// Rating is the phase rule's result: Suggested, NotAssessedReason, the
// jagged AboveSuggested indicators and the DataGaps.
type CapabilityDetail struct {
	Capability *framework.Capability
	State      CapabilityState
	Answers    map[string]Answer // by indicator key; missing means unanswered
	Rating
	Completion Completion
}

// Answer returns the answer to an indicator, unanswered when absent.
func (c *CapabilityDetail) Answer(indicatorKey string) Answer {
	if a, ok := c.Answers[indicatorKey]; ok {
		return a
	}
	return Answer{IndicatorKey: indicatorKey, CapabilityKey: c.Capability.Key}
}

// ConfirmedPhase is the phase the assessor stands behind: the explicit
// confirmation, or the suggestion while none was given.
func (c *CapabilityDetail) ConfirmedPhase() int {
	if c.State.Confirmed != nil {
		return *c.State.Confirmed
	}
	return c.Suggested
}

// Assessed reports whether the capability has a phase to report: the
// assessor confirmed one, or every indicator is answered; and the answers
// can place it at all (NotAssessedReason is empty: no more than half of
// the indicators Not applicable). Otherwise reports say "not assessed"
// rather than showing a misleading phase.
func (c *CapabilityDetail) Assessed() bool {
	if c.NotAssessedReason != "" {
		return false
	}
	return c.State.Confirmed != nil || c.Completion.Complete()
}

// Values returns the answer values by indicator key, for the phase rule.
func (c *CapabilityDetail) Values() map[string]AnswerValue {
	values := make(map[string]AnswerValue, len(c.Answers))
	for k, a := range c.Answers {
		values[k] = a.Value
	}
	return values
}

// rate recomputes the rating and completion from the answers.
func (c *CapabilityDetail) rate() {
	values := c.Values()
	c.Rating = Rate(c.Capability, values)
	c.Completion = CapabilityCompletion(c.Capability, values)
}

// NeedsJustification reports whether the confirmed phase departs from the
// suggestion without a written reason (e.g. answers changed afterwards).
func (c *CapabilityDetail) NeedsJustification() bool {
	return c.State.Confirmed != nil && *c.State.Confirmed != c.Suggested && c.State.Justification == ""
}

// NewDetail assembles a Detail. States and answers may be partial; whatever
// is missing counts as not yet answered.
func NewDetail(fw *framework.Framework, org Organisation, a Assessment, states []CapabilityState, answers []Answer) *Detail {
	answerBy := make(map[string]map[string]Answer)
	for _, an := range answers {
		m := answerBy[an.CapabilityKey]
		if m == nil {
			m = map[string]Answer{}
			answerBy[an.CapabilityKey] = m
		}
		m[an.IndicatorKey] = an
	}
	return assemble(fw, org, a, states, func(cd *CapabilityDetail) {
		cd.Answers = answerBy[cd.Capability.Key]
		cd.rate()
	})
}

// Capability returns the detail of a capability or an enabler in scope,
// or nil: the questionnaire answers both the same way.
func (d *Detail) Capability(key string) *CapabilityDetail {
	for _, c := range d.Capabilities {
		if c.Capability.Key == key {
			return c
		}
	}
	for _, e := range d.Enablers {
		if e.Capability.Key == key {
			return e
		}
	}
	return nil
}

// Neighbours returns the capabilities (or enablers) before and after key
// in scope order, for previous/next navigation; either may be nil. The
// capabilities and the enablers are two sections, each walked on its own.
func (d *Detail) Neighbours(key string) (prev, next *CapabilityDetail) {
	list := d.Capabilities
	if c := d.Capability(key); c != nil && c.Capability.IsEnabler() {
		list = d.Enablers
	}
	for i, c := range list {
		if c.Capability.Key == key {
			if i > 0 {
				prev = list[i-1]
			}
			if i+1 < len(list) {
				next = list[i+1]
			}
		}
	}
	return prev, next
}

// Apply puts freshly saved answers and, when given, the saved judgement into
// the capability and recomputes its suggestion and completion, so a save can
// answer with the new state without reading the assessment again. Domain and
// overall completion are not updated.
func (c *CapabilityDetail) Apply(answers []Answer, st *CapabilityState) {
	if c.Answers == nil {
		c.Answers = map[string]Answer{}
	}
	for _, a := range answers {
		c.Answers[a.IndicatorKey] = a
	}
	if st != nil {
		c.State = *st
	}
	c.rate()
}
