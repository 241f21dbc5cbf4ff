package framework

import "gopkg.in/yaml.v3"

// Mapping says how the keys of an earlier framework version correspond to
// this one, so answers can be carried into a new cycle and trends compared
// honestly across versions. A capability key listed with an empty value has
// no counterpart; one not listed keeps its meaning if this version still has
// it (keys are never reused for something else). Indicators say what became
// of each earlier key (a Change); CheckMappings requires every one of them
// to be listed when the earlier version is at hand.
type Mapping struct {
	From         string             `yaml:"from" json:"from"`
	Capabilities map[string]string  `yaml:"capabilities" json:"capabilities,omitempty"`
	Indicators   map[string]*Change `yaml:"indicators" json:"indicators,omitempty"`
}

// ChangeKind says what became of an earlier version's indicator.
type ChangeKind string

// What can become of an indicator from one version to the next.
const (
	// Same: the same test under the same key.
	Same ChangeKind = "same"
	// Changed: one counterpart (the same key or another) whose wording,
	// threshold or phase was adjusted; the answer carries, to be confirmed.
	Changed ChangeKind = "changed"
	// Split: a compound test became several; by default the new ones start
	// unanswered, with carry: true the answer is copied into each.
	Split ChangeKind = "split"
	// Merged: the test now lives in another indicator, which takes its
	// answer from its own predecessor; this key's answer is not carried.
	Merged ChangeKind = "merged"
	// Removed: no counterpart; the answer is not carried.
	Removed ChangeKind = "removed"
)

// ChangeKinds lists the kinds in the order summaries show them.
var ChangeKinds = []ChangeKind{Same, Changed, Split, Merged, Removed}

// Change is what became of one earlier indicator. In the data file it is
// either a key (the counterpart: the same key means same, another key
// changed, "" removed) or {kind, to, carry}.
type Change struct {
	Kind ChangeKind `yaml:"kind" json:"kind"`
	To   []string   `yaml:"to,omitempty" json:"to,omitempty"`
	// Carry, when given, overrides the kind's default (same and changed
	// carry, the others do not).
	Carry *bool `yaml:"carry,omitempty" json:"-"`
	// Carries is the resolved rule: the earlier answer is copied into every
	// key of To when the next cycle starts (marked carried forward, so
	// someone confirms it).
	Carries bool `yaml:"-" json:"carry"`

	short  string // the key given in the short form
	scalar bool
}

// UnmarshalYAML accepts the short form (a key) or the full form.
func (c *Change) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		c.scalar = true
		return n.Decode(&c.short)
	}
	type plain Change
	return n.Decode((*plain)(c))
}

// resolve fills Kind, To and Carries from the short form and the defaults,
// for the earlier key old.
func (c *Change) resolve(old string) {
	if c.scalar {
		switch c.short {
		case "":
			c.Kind = Removed
		case old:
			c.Kind, c.To = Same, []string{old}
		default:
			c.Kind, c.To = Changed, []string{c.short}
		}
	}
	if (c.Kind == Same || c.Kind == Changed) && len(c.To) == 0 {
		c.To = []string{old}
	}
	c.Carries = c.Kind == Same || c.Kind == Changed
	if c.Carry != nil {
		c.Carries = *c.Carry
	}
}

// normalise resolves every change's short form and defaults.
func (f *Framework) normalise() {
	for i := range f.Mappings {
		for old, c := range f.Mappings[i].Indicators {
			if c == nil {
				c = &Change{scalar: true}
				f.Mappings[i].Indicators[old] = c
			}
			c.resolve(old)
		}
	}
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

// MapCapability returns the key in this version of capability (or enabler)
// key of version from; ok is false where no mapping exists.
func (f *Framework) MapCapability(from, key string) (string, bool) {
	exists := func(k string) bool { return f.Assessable(k) != nil }
	if from == f.Version {
		return key, exists(key)
	}
	m := f.mapping(from)
	if m == nil {
		return "", false
	}
	if to, listed := m.Capabilities[key]; listed {
		return to, to != "" && exists(to)
	}
	return key, exists(key)
}

// IndicatorChange says what became of indicator key of version from in
// this version; ok is false when the versions are not comparable. An
// indicator the mapping does not list is the same if this version still
// has the key, removed otherwise.
func (f *Framework) IndicatorChange(from, key string) (Change, bool) {
	if from != f.Version {
		m := f.mapping(from)
		if m == nil {
			return Change{}, false
		}
		if c, listed := m.Indicators[key]; listed {
			return *c, true
		}
	}
	if f.Indicator(key) != nil {
		return Change{Kind: Same, To: []string{key}, Carries: true}, true
	}
	return Change{Kind: Removed}, true
}

// CarryTargets returns the keys of this version into which an answer to
// indicator key of version from is copied when a new cycle starts.
func (f *Framework) CarryTargets(from, key string) []string {
	c, ok := f.IndicatorChange(from, key)
	if !ok || !c.Carries {
		return nil
	}
	var out []string
	for _, k := range c.To {
		if f.Indicator(k) != nil {
			out = append(out, k)
		}
	}
	return out
}

// MapIndicator returns the one key of this version an answer to indicator
// key of version from carries to (same, or changed with a single
// counterpart); ok is false otherwise, including for a split, whose answer
// CarryTargets copies to several keys.
func (f *Framework) MapIndicator(from, key string) (string, bool) {
	t := f.CarryTargets(from, key)
	if c, _ := f.IndicatorChange(from, key); len(t) != 1 || c.Kind == Split {
		return "", false
	}
	return t[0], true
}

// Counts tells how many indicators of the earlier version each kind of
// change accounts for.
func (m *Mapping) Counts() map[ChangeKind]int {
	out := map[ChangeKind]int{}
	for _, c := range m.Indicators {
		out[c.Kind]++
	}
	return out
}
