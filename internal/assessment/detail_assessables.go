package assessment

// Assessables lists the capabilities in scope, then the enablers: for the
// pages and API answers that treat both alike (consolidation), enablers last.
func (d *Detail) Assessables() []*CapabilityDetail {
	out := make([]*CapabilityDetail, 0, len(d.Capabilities)+len(d.Enablers))
	return append(append(out, d.Capabilities...), d.Enablers...)
}

// InScope is the capability or enabler key of this assessment: an
// assessable outside its scope is invalid (422), an unknown key not found.
func (d *Detail) InScope(key string) (*CapabilityDetail, error) {
	if cd := d.Capability(key); cd != nil {
		return cd, nil
	}
	if d.Framework.Assessable(key) != nil {
		return nil, FieldError("capability", "capability %q is outside this assessment's scope", key)
	}
	return nil, NotFound("capability")
}
