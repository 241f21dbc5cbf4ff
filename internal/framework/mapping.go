package framework

import "fmt"

// Mapping says how the keys of an earlier framework version correspond to
// this one, so answers can be carried into a new cycle and trends compared
// honestly across versions. A key listed with an empty value has no
// counterpart; a key not listed keeps its meaning if this version still
// has it (keys are never reused for something else).
type Mapping struct {
	From         string            `yaml:"from" json:"from"`
	Capabilities map[string]string `yaml:"capabilities" json:"capabilities,omitempty"`
	Indicators   map[string]string `yaml:"indicators" json:"indicators,omitempty"`
}

// mapping returns the declared mapping from an earlier version.
func (f *Framework) mapping(from string) *Mapping {
	for i := range f.Mappings {
		if f.Mappings[i].From == from {
			return &f.Mappings[i]
		}
	}
	return nil
}

// Comparable reports whether keys of version from can be read in this
// version: the same version, or one with a declared mapping.
func (f *Framework) Comparable(from string) bool {
	return from == f.Version || f.mapping(from) != nil
}

// MapCapability returns the key in this version of capability key of
// version from; ok is false where no mapping exists.
func (f *Framework) MapCapability(from, key string) (string, bool) {
	return f.mapKey(from, key, func(m *Mapping) map[string]string { return m.Capabilities }, func(k string) bool { return f.Capability(k) != nil })
}

// MapIndicator is MapCapability for indicators.
func (f *Framework) MapIndicator(from, key string) (string, bool) {
	return f.mapKey(from, key, func(m *Mapping) map[string]string { return m.Indicators }, func(k string) bool { return f.Indicator(k) != nil })
}

func (f *Framework) mapKey(from, key string, table func(*Mapping) map[string]string, exists func(string) bool) (string, bool) {
	if from == f.Version {
		return key, exists(key)
	}
	m := f.mapping(from)
	if m == nil {
		return "", false
	}
	if to, listed := table(m)[key]; listed {
		return to, to != "" && exists(to)
	}
	return key, exists(key)
}

// mappings checks that each mapping names an earlier version once
// and points only at keys of this version, one old key per new key.
func (v *validator) mappings() {
	seen := map[string]bool{}
	for i, m := range v.f.Mappings {
		where := fmt.Sprintf("mappings[%d]", i)
		switch {
		case m.From == "":
			v.addf("%s: from: missing", where)
		case m.From == v.f.Version:
			v.addf("%s: from %q is this version", where, m.From)
		case seen[m.From]:
			v.addf("%s: from %q mapped twice", where, m.From)
		}
		seen[m.From] = true
		v.targets(where+" capabilities", m.Capabilities, func(k string) bool { return v.hasCapability(k) })
		v.targets(where+" indicators", m.Indicators, func(k string) bool { return v.hasIndicator(k) })
	}
}

func (v *validator) targets(where string, table map[string]string, exists func(string) bool) {
	used := map[string]string{}
	for from, to := range table {
		if !keyPattern.MatchString(from) {
			v.addf("%s: %q is not a key", where, from)
		}
		if to == "" {
			continue
		}
		if !exists(to) {
			v.addf("%s: %q maps to %q, which this version does not have", where, from, to)
		}
		if prev, dup := used[to]; dup && prev != from {
			v.addf("%s: %q and %q both map to %q", where, prev, from, to)
		}
		used[to] = from
	}
}

func (v *validator) hasCapability(key string) bool {
	for _, d := range v.f.Domains {
		for _, c := range d.Capabilities {
			if c.Key == key {
				return true
			}
		}
	}
	return false
}

func (v *validator) hasIndicator(key string) bool {
	for _, d := range v.f.Domains {
		for _, c := range d.Capabilities {
			for _, in := range c.Indicators {
				if in.Key == key {
					return true
				}
			}
		}
	}
	return false
}
