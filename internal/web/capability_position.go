package web

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// assessables lists the capabilities in scope, then the enablers: for the
// pages that treat both alike (consolidation), the enablers last.
func assessables(d *assessment.Detail) []*assessment.CapabilityDetail { return d.Assessables() }
