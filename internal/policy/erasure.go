package policy

// CanEraseUsers: only platform administrators erase a person's data, as the
// right to erasure is exercised for the whole platform, not one organisation.
func CanEraseUsers(p *Principal) bool { return p.admin() }
