package assessment

import "github.com/mnr-self-assessment/mnr/internal/framework"

// NewValuesDetail is NewDetail for figures only: it rates every capability
// in scope from the answer values alone (by indicator key, for the whole
// assessment; a missing key is unanswered), through the same phase rule
// and completion count. Its capabilities carry no answers (no evidence, no
// notes), so it serves scores and phases, never a page that shows answers.
// values is only read during the call, so a caller streaming many
// assessments may reuse one map.
func NewValuesDetail(fw *framework.Framework, org Organisation, a Assessment, states []CapabilityState, values map[string]AnswerValue) *Detail {
	return assemble(fw, org, a, states, func(cd *CapabilityDetail) {
		cd.Rating = Rate(cd.Capability, values)
		cd.Completion = CapabilityCompletion(cd.Capability, values)
	})
}

// assemble builds a Detail over the capabilities and enablers in scope;
// fill gives each its answers and rating.
func assemble(fw *framework.Framework, org Organisation, a Assessment, states []CapabilityState, fill func(*CapabilityDetail)) *Detail {
	d := &Detail{Assessment: a, Organisation: org, Framework: fw}
	stateBy := make(map[string]CapabilityState, len(states))
	for _, s := range states {
		stateBy[s.CapabilityKey] = s
	}
	for _, dom := range fw.Domains {
		dd := &DomainDetail{Domain: dom}
		for _, c := range dom.Capabilities {
			if !a.InScope(c.Key) {
				continue
			}
			st, ok := stateBy[c.Key]
			if !ok {
				st = CapabilityState{AssessmentID: a.ID, CapabilityKey: c.Key}
			}
			cd := &CapabilityDetail{Capability: c, State: st}
			fill(cd)
			dd.Capabilities = append(dd.Capabilities, cd)
			dd.Completion = dd.Completion.Add(cd.Completion)
		}
		if len(dd.Capabilities) > 0 {
			d.Domains = append(d.Domains, dd)
			d.Capabilities = append(d.Capabilities, dd.Capabilities...)
			d.Completion = d.Completion.Add(dd.Completion)
		}
	}
	for _, e := range fw.Enablers() {
		if !a.InScope(e.Key) {
			continue
		}
		st, ok := stateBy[e.Key]
		if !ok {
			st = CapabilityState{AssessmentID: a.ID, CapabilityKey: e.Key}
		}
		ed := &CapabilityDetail{Capability: e, State: st}
		fill(ed)
		d.Enablers = append(d.Enablers, ed)
		d.EnablerCompletion = d.EnablerCompletion.Add(ed.Completion)
	}
	return d
}

// NewSaveDetail is a Detail holding only the capability (or enabler) key
// of a's scope, unanswered, or none when key is outside it: what a save of
// one of its answers checks, without rating every other capability.
func NewSaveDetail(fw *framework.Framework, org Organisation, a Assessment, key string) *Detail {
	d := &Detail{Assessment: a, Organisation: org, Framework: fw}
	c := fw.Assessable(key)
	if c == nil || !a.InScope(key) {
		return d
	}
	cd := &CapabilityDetail{Capability: c, State: CapabilityState{AssessmentID: a.ID, CapabilityKey: key}}
	cd.rate()
	if c.IsEnabler() {
		d.Enablers = []*CapabilityDetail{cd}
	} else {
		d.Capabilities = []*CapabilityDetail{cd}
	}
	return d
}
