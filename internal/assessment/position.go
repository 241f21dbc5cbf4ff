package assessment

// Position places a capability among the capabilities in scope, or an
// enabler among the enablers: the two are separate sections of the
// questionnaire, each counted on its own. n is 1-based, 0 when absent.
func (d *Detail) Position(cd *CapabilityDetail) (n, total int) {
	list := d.Capabilities
	if cd.Capability.IsEnabler() {
		list = d.Enablers
	}
	for i, x := range list {
		if x == cd {
			n = i + 1
		}
	}
	return n, len(list)
}
