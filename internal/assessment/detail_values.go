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
	return new(ValuesDetails).Next(fw, org, a, states, values)
}

// ValuesDetails makes values-only Details (NewValuesDetail) one after
// another in the same memory, for a page that computes figures over a
// thousand assessments: each Detail, and everything in it, is valid only
// until the next call, so only what is copied out of it may be kept. The
// zero value is ready to use.
type ValuesDetails struct{ m detailMemory }

// Next is NewValuesDetail in b's memory; the Detail it returned before is
// overwritten.
func (b *ValuesDetails) Next(fw *framework.Framework, org Organisation, a Assessment, states []CapabilityState, values map[string]AnswerValue) *Detail {
	return b.m.assemble(fw, org, a, states, func(cd *CapabilityDetail) {
		cd.Rating = Rate(cd.Capability, values)
		cd.Completion = CapabilityCompletion(cd.Capability, values)
	})
}

// detailMemory holds a Detail and its parts in a few blocks sized to the
// framework, rather than one allocation per capability and domain, reused
// by the next assemble.
type detailMemory struct {
	d       Detail
	caps    []CapabilityDetail
	capPtrs []*CapabilityDetail // d.Capabilities, then d.Enablers
	doms    []DomainDetail
	domPtrs []*DomainDetail
	stateBy map[string]CapabilityState
}

// assemble builds a Detail over the capabilities and enablers in scope;
// fill gives each its answers and rating. A domain's Capabilities are a
// part of the Detail's, capped so that appending to one copies it.
func assemble(fw *framework.Framework, org Organisation, a Assessment, states []CapabilityState, fill func(*CapabilityDetail)) *Detail {
	return new(detailMemory).assemble(fw, org, a, states, fill)
}

func (m *detailMemory) assemble(fw *framework.Framework, org Organisation, a Assessment, states []CapabilityState, fill func(*CapabilityDetail)) *Detail {
	nAll := len(fw.Enablers())
	for _, dom := range fw.Domains {
		nAll += len(dom.Capabilities)
	}
	// The capabilities' addresses are handed out: the block is made whole
	// before the first, never grown while in use.
	if cap(m.caps) < nAll {
		m.caps, m.capPtrs = make([]CapabilityDetail, 0, nAll), make([]*CapabilityDetail, 0, nAll)
	}
	if cap(m.doms) < len(fw.Domains) {
		m.doms, m.domPtrs = make([]DomainDetail, 0, len(fw.Domains)), make([]*DomainDetail, 0, len(fw.Domains))
	}
	if m.stateBy == nil {
		m.stateBy = make(map[string]CapabilityState, len(states))
	}
	caps, ptrs, doms, domPtrs, stateBy := m.caps[:0], m.capPtrs[:0], m.doms[:0], m.domPtrs[:0], m.stateBy
	clear(stateBy)
	for _, s := range states {
		stateBy[s.CapabilityKey] = s
	}
	detail := func(c *framework.Capability) *CapabilityDetail {
		st, ok := stateBy[c.Key]
		if !ok {
			st = CapabilityState{AssessmentID: a.ID, CapabilityKey: c.Key}
		}
		caps = append(caps, CapabilityDetail{Capability: c, State: st})
		cd := &caps[len(caps)-1]
		fill(cd)
		ptrs = append(ptrs, cd)
		return cd
	}
	m.d = Detail{Assessment: a, Organisation: org, Framework: fw}
	d := &m.d
	for _, dom := range fw.Domains {
		first := len(ptrs)
		var completion Completion
		for _, c := range dom.Capabilities {
			if a.InScope(c.Key) {
				completion = completion.Add(detail(c).Completion)
			}
		}
		if len(ptrs) > first {
			doms = append(doms, DomainDetail{Domain: dom, Capabilities: ptrs[first:len(ptrs):len(ptrs)], Completion: completion})
			domPtrs = append(domPtrs, &doms[len(doms)-1])
			d.Completion = d.Completion.Add(completion)
		}
	}
	if len(ptrs) > 0 { // nil when empty, as a Detail built by appending
		d.Domains, d.Capabilities = domPtrs, ptrs[:len(ptrs):len(ptrs)]
	}
	first := len(ptrs)
	for _, e := range fw.Enablers() {
		if a.InScope(e.Key) {
			d.EnablerCompletion = d.EnablerCompletion.Add(detail(e).Completion)
		}
	}
	if len(ptrs) > first {
		d.Enablers = ptrs[first:len(ptrs):len(ptrs)]
	}
	m.caps, m.capPtrs, m.doms, m.domPtrs = caps, ptrs, doms, domPtrs
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
