package framework

import (
	"fmt"
	"strings"
)

// CheckMappings checks each mapping against the earlier version it names,
// as resolve returns it: every capability and enabler of that version must
// still exist or be listed, and every one of its indicators must be listed
// with what became of it, so no answer is dropped or carried by accident.
// Keys listed that the earlier version does not have are errors too.
// Parse cannot make this check (it reads one file); ParseFS and the
// embedded versions do.
func (f *Framework) CheckMappings(resolve func(version string) (*Framework, error)) error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for i := range f.Mappings {
		m := &f.Mappings[i]
		src, err := resolve(m.From)
		if err != nil {
			add("mapping from %s: cannot read that version to check the mapping: %v", m.From, err)
			continue
		}
		for _, c := range src.assessables() {
			if _, listed := m.Capabilities[c.Key]; !listed && f.Assessable(c.Key) == nil {
				add("mapping from %s: capability %q is not accounted for: list it under capabilities with its new key, or \"\" if it has none", m.From, c.Key)
			}
			for _, in := range c.Indicators {
				if _, listed := m.Indicators[in.Key]; !listed {
					add("mapping from %s: indicator %q is not accounted for: list it as same, changed, split, merged or removed", m.From, in.Key)
				}
			}
		}
		for _, k := range sortedKeys(m.Capabilities) {
			if src.Assessable(k) == nil {
				add("mapping from %s: capability %q is not in version %s", m.From, k, m.From)
			}
		}
		for _, k := range sortedKeys(m.Indicators) {
			if src.Indicator(k) == nil {
				add("mapping from %s: indicator %q is not in version %s", m.From, k, m.From)
			}
		}
	}
	if len(problems) > 0 {
		return &ValidationError{Problems: problems}
	}
	return nil
}

// assessables lists the capabilities, then the enablers.
func (f *Framework) assessables() []*Capability {
	return append(append([]*Capability(nil), f.ordered...), f.EnablerSection...)
}

// Summary is one line saying what the framework holds, for the command
// that validates a data file.
func (f *Framework) Summary() string {
	count := func(cs []*Capability) int {
		n := 0
		for _, c := range cs {
			n += len(c.Indicators)
		}
		return n
	}
	var b strings.Builder
	fmt.Fprintf(&b, "framework %s is valid: %d domains, %d capabilities, %d indicators", f.Version, len(f.Domains), len(f.ordered), count(f.ordered))
	if len(f.EnablerSection) > 0 {
		fmt.Fprintf(&b, "; %d enablers, %d indicators", len(f.EnablerSection), count(f.EnablerSection))
	}
	fmt.Fprintf(&b, "; languages %v", f.Languages)
	for _, m := range f.Mappings {
		counts := m.Counts()
		var parts []string
		for _, k := range ChangeKinds {
			parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
		}
		fmt.Fprintf(&b, "; mapping from %s: %d indicators (%s)", m.From, len(m.Indicators), strings.Join(parts, ", "))
	}
	return b.String()
}
