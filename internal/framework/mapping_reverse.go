package framework

// ReworkedSince lists the indicators of this version (by key) whose answer,
// carried from version from, was given to a different test: the
// counterpart of a changed indicator or a part of a split one. Whoever
// confirms such a carried answer should read the new wording first. Empty
// for the same version or one without a mapping.
func (f *Framework) ReworkedSince(from string) map[string]ChangeKind {
	out := map[string]ChangeKind{}
	m := f.mapping(from)
	if from == f.Version || m == nil {
		return out
	}
	for _, c := range m.Indicators {
		if !c.Carries || (c.Kind != Changed && c.Kind != Split) {
			continue
		}
		for _, k := range c.To {
			out[k] = c.Kind
		}
	}
	return out
}
