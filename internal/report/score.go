// Package report turns an assessment into what a country takes away from it:
// scores, a written summary, per-capability next steps, charts and exports.
// Every comparison it makes is with the country's own targets and its own
// previous cycle, never with other countries: the MNR is a planning tool,
// not a league table.
package report

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Scores are the figures of one assessment. A capability that is not
// assessed has no phase (nil), and is left out of every mean and share, so an
// unfinished questionnaire never drags a figure towards 0.
type Scores struct {
	Capabilities []CapabilityScore `json:"capabilities"`
	Domains      []DomainScore     `json:"domains"`
	Overall      OverallScore      `json:"overall"`
}

// CompletionScore is how much of the questionnaire is answered.
type CompletionScore struct {
	Answered int `json:"answered"`
	Total    int `json:"total"`
	Percent  int `json:"percent"` // rounded down, so 100 means complete
}

// CapabilityScore is one capability's figures.
type CapabilityScore struct {
	Key    string `json:"key"`
	Number int    `json:"number"`
	Domain string `json:"domain"`
	// Phase is the confirmed phase; nil when the capability is not assessed.
	Phase     *int `json:"phase"`
	Suggested int  `json:"suggested"`
	// Confirmed tells whether an assessor set the phase explicitly rather
	// than accepting the suggestion.
	Confirmed bool `json:"confirmed"`
	Target    *int `json:"target"`
	// Gap is target minus phase when both are known and the target is
	// higher; 0 otherwise.
	Gap        int             `json:"gap"`
	Priority   string          `json:"priority"`
	Lead       string          `json:"lead"`
	Evidence   int             `json:"evidence_count"`
	Completion CompletionScore `json:"completion"`
}

// Assessed reports whether the capability has a phase.
func (c CapabilityScore) Assessed() bool { return c.Phase != nil }

// PhaseCounts counts capabilities per phase, index = phase.
type PhaseCounts [framework.MaxPhase + 1]int

// DomainScore is one domain's figures over its capabilities in scope.
type DomainScore struct {
	Key    string `json:"key"`
	Number int    `json:"number"`
	// Mean is the mean phase of the assessed capabilities, one decimal;
	// nil when none is assessed.
	Mean *float64 `json:"mean_phase"`
	// TargetMean is the mean target of the capabilities that have one, one
	// decimal; nil when no target is set.
	TargetMean   *float64        `json:"target_mean"`
	Capabilities int             `json:"capabilities"`
	Assessed     int             `json:"assessed"`
	NotAssessed  int             `json:"not_assessed"`
	PhaseCounts  PhaseCounts     `json:"phase_counts"`
	Completion   CompletionScore `json:"completion"`
}

// OverallScore is the figures over every capability in scope.
type OverallScore struct {
	Mean       *float64 `json:"mean_phase"`
	TargetMean *float64 `json:"target_mean"`
	// Established counts assessed capabilities at phase 3 or above, and
	// EstablishedShare is that count over the assessed ones (0..1, three
	// decimals); nil when nothing is assessed.
	Established      int             `json:"established"`
	EstablishedShare *float64        `json:"established_share"`
	Capabilities     int             `json:"capabilities"`
	Assessed         int             `json:"assessed"`
	NotAssessed      int             `json:"not_assessed"`
	WithTarget       int             `json:"with_target"`
	WithGap          int             `json:"with_gap"`
	PhaseCounts      PhaseCounts     `json:"phase_counts"`
	Completion       CompletionScore `json:"completion"`
}

// EstablishedPhase is the phase from which a capability counts as working
// nationwide in routine practice.
const EstablishedPhase = 3

// Score computes the figures of an assessment.
func Score(d *assessment.Detail) Scores {
	// Empty lists, not nil, so the JSON shows [] for an empty scope; sized
	// once.
	return scoreInto(Scores{Capabilities: make([]CapabilityScore, 0, len(d.Capabilities)), Domains: make([]DomainScore, 0, len(d.Domains))}, d)
}

// scoreInto is Score appending to s's lists, emptied: the partner
// dashboard scores a thousand assessments in the same lists (CycleScorer).
func scoreInto(s Scores, d *assessment.Detail) Scores {
	s = Scores{Capabilities: s.Capabilities[:0], Domains: s.Domains[:0]}
	var all tally
	for _, dd := range d.Domains {
		var t tally
		for _, cd := range dd.Capabilities {
			cs := scoreCapability(cd)
			s.Capabilities = append(s.Capabilities, cs)
			t.add(cs)
			all.add(cs)
		}
		s.Domains = append(s.Domains, DomainScore{
			Key:          dd.Domain.Key,
			Number:       dd.Domain.Number,
			Mean:         t.mean(),
			TargetMean:   t.targetMean(),
			Capabilities: t.n,
			Assessed:     t.assessed,
			NotAssessed:  t.n - t.assessed,
			PhaseCounts:  t.counts,
			Completion:   completion(dd.Completion),
		})
	}
	s.Overall = OverallScore{
		Mean:         all.mean(),
		TargetMean:   all.targetMean(),
		Established:  all.established,
		Capabilities: all.n,
		Assessed:     all.assessed,
		NotAssessed:  all.n - all.assessed,
		WithTarget:   all.targets,
		WithGap:      all.gaps,
		PhaseCounts:  all.counts,
		Completion:   completion(d.Completion),
	}
	if all.assessed > 0 {
		share := roundTo(all.established, all.assessed, 1000)
		s.Overall.EstablishedShare = &share
	}
	return s
}

func scoreCapability(cd *assessment.CapabilityDetail) CapabilityScore {
	cs := CapabilityScore{
		Key:        cd.Capability.Key,
		Number:     cd.Capability.Number,
		Domain:     cd.Capability.Domain.Key,
		Suggested:  cd.Suggested,
		Confirmed:  cd.State.Confirmed != nil,
		Target:     copyInt(cd.State.Target),
		Priority:   string(cd.State.Priority),
		Lead:       cd.State.Lead,
		Completion: completion(cd.Completion),
	}
	if cd.Assessed() {
		p := cd.ConfirmedPhase()
		cs.Phase = &p
		if cs.Target != nil && *cs.Target > p {
			cs.Gap = *cs.Target - p
		}
	}
	for _, in := range cd.Capability.Indicators {
		if hasEvidence(cd.Answer(in.Key)) {
			cs.Evidence++
		}
	}
	return cs
}

// hasEvidence reports whether an answer is backed by a description or a link.
func hasEvidence(a assessment.Answer) bool {
	if a.Evidence != "" {
		return true
	}
	for _, l := range a.Links {
		if l != "" {
			return true
		}
	}
	return false
}

// tally accumulates capability scores for a domain or the whole assessment.
type tally struct {
	n, assessed, established, targets, gaps int
	phaseSum, targetSum                     int
	counts                                  PhaseCounts
}

func (t *tally) add(c CapabilityScore) {
	t.n++
	if c.Target != nil {
		t.targets++
		t.targetSum += *c.Target
	}
	if c.Gap > 0 {
		t.gaps++
	}
	if c.Phase == nil {
		return
	}
	t.assessed++
	t.phaseSum += *c.Phase
	if *c.Phase >= EstablishedPhase {
		t.established++
	}
	if *c.Phase >= 0 && *c.Phase < len(t.counts) {
		t.counts[*c.Phase]++
	}
}

func (t *tally) mean() *float64 {
	if t.assessed == 0 {
		return nil
	}
	m := roundTo(t.phaseSum, t.assessed, 10)
	return &m
}

func (t *tally) targetMean() *float64 {
	if t.targets == 0 {
		return nil
	}
	m := roundTo(t.targetSum, t.targets, 10)
	return &m
}

// roundTo returns num/den rounded half up to 1/scale. It works on integers
// so that 29/20 gives 1.5, not the 1.4 that float rounding of 1.45 yields.
// num must not be negative and den must be positive.
func roundTo(num, den, scale int) float64 {
	return float64((2*num*scale+den)/(2*den)) / float64(scale)
}

func completion(c assessment.Completion) CompletionScore {
	return CompletionScore{Answered: c.Answered, Total: c.Total, Percent: c.Percent()}
}

func copyInt(p *int) *int {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
