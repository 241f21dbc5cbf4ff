package framework

import "fmt"

// mappings checks that each mapping names an earlier version once and
// points only at keys of this version, with changes that make sense.
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
		v.changes(where+" indicators", m.Indicators)
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

// changes checks each indicator change: a known kind, the number of
// counterparts the kind needs, counterparts this version has, and at most
// one earlier answer carried into any one indicator.
func (v *validator) changes(where string, table map[string]*Change) {
	carried := map[string]string{}
	for _, from := range sortedKeys(table) {
		c := table[from]
		at := fmt.Sprintf("%s: %q", where, from)
		if !keyPattern.MatchString(from) {
			v.addf("%s is not a key", at)
		}
		switch n := len(c.To); c.Kind {
		case Same:
			if n != 1 || c.To[0] != from {
				v.addf("%s: same must keep the key", at)
			}
		case Changed, Merged:
			if n != 1 {
				v.addf("%s: %s needs one counterpart, has %d", at, c.Kind, n)
			}
		case Split:
			if n < 2 {
				v.addf("%s: split needs two counterparts or more, has %d", at, n)
			}
		case Removed:
			if n != 0 || c.Carries {
				v.addf("%s: removed has no counterpart and carries nothing", at)
			}
		default:
			v.addf("%s: unknown kind %q (same, changed, split, merged or removed)", at, c.Kind)
		}
		for _, to := range c.To {
			if !v.hasIndicator(to) {
				v.addf("%s maps to %q, which this version does not have", at, to)
			}
			if !c.Carries {
				continue
			}
			if prev, dup := carried[to]; dup {
				v.addf("%s: %q and %q both map to %q and carry their answers", where, prev, from, to)
			}
			carried[to] = from
		}
	}
}

func (v *validator) hasCapability(key string) bool {
	for _, c := range v.assessables() {
		if c.Key == key {
			return true
		}
	}
	return false
}

func (v *validator) hasIndicator(key string) bool {
	for _, c := range v.assessables() {
		for _, in := range c.Indicators {
			if in.Key == key {
				return true
			}
		}
	}
	return false
}

// assessables lists capabilities and enablers before indexing.
func (v *validator) assessables() []*Capability {
	var out []*Capability
	for _, d := range v.f.Domains {
		out = append(out, d.Capabilities...)
	}
	return append(out, v.f.EnablerSection...)
}
