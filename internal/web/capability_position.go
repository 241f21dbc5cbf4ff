package web

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// positionOf places a capability among the capabilities in scope, or an
// enabler among the enablers: the two are separate sections of the
// questionnaire, each counted on its own.
func positionOf(d *assessment.Detail, cd *assessment.CapabilityDetail) (n, total int) {
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

// assessables lists the capabilities in scope, then the enablers: for the
// pages that treat both alike (consolidation), the enablers last.
func assessables(d *assessment.Detail) []*assessment.CapabilityDetail {
	out := make([]*assessment.CapabilityDetail, 0, len(d.Capabilities)+len(d.Enablers))
	return append(append(out, d.Capabilities...), d.Enablers...)
}
