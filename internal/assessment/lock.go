package assessment

// Locked reports whether the assessment is approved: approved results are
// final until the assessment is reopened, so nothing in it changes.
func (a *Assessment) Locked() bool { return a.Status.Locked() }

// Locked reports whether an assessment in this status refuses changes.
func (s Status) Locked() bool { return s == StatusApproved }

// LockedStatuses lists the statuses for which Locked is true, for the
// store's conditional writes ("... WHERE status NOT IN ..."), which apply
// this same rule inside the write.
func LockedStatuses() []string { return []string{string(StatusApproved)} }

// CheckUnlocked is the "approved is locked" rule, written once: the
// application answers with it before validating, and the store applies it
// again inside the write so it also holds against a concurrent approval.
func CheckUnlocked(a *Assessment) error {
	if a.Locked() {
		return Errorf(ECONFLICT, "this assessment is approved and locked; it must be reopened before it can change")
	}
	return nil
}

// CheckContributionOpen is the same rule for an agency's contribution: it
// changes while it is not submitted and the assessment it feeds is not
// approved.
func CheckContributionOpen(national *Assessment, c *Contribution) error {
	if national.Locked() {
		return Errorf(ECONFLICT, "the assessment this contribution feeds is approved and locked; it must be reopened before it can change")
	}
	return CheckContributionTransition(c.Status, ContributionInProgress)
}
