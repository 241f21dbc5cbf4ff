package assessment

// Rules the store applies, inside its transaction, to the rows it just read
// (so they hold when two people act at once); decided here, as plain
// functions of those values.

// CheckResolve: a thread is resolved at its first comment, not at a reply.
func CheckResolve(parentID *int64) error {
	if parentID != nil {
		return FieldError("comment", "resolve the thread's first comment, not a reply")
	}
	return nil
}

// CheckNextCycle: a next cycle starts from an approved assessment (prev),
// once (next lists the cycles already started from it).
func CheckNextCycle(prev Status, next []int64) error {
	if prev != StatusApproved {
		return Errorf(ECONFLICT, "the next cycle starts from an approved assessment; this one is %s",
			Term{ID: "WorkStatusIs_" + string(prev), English: string(prev)})
	}
	if len(next) > 0 {
		return Errorf(ECONFLICT, "the next cycle was already started from this assessment (assessment %d)", next[0])
	}
	return nil
}

// CheckDeleteConfirm: deleting an organisation is confirmed by typing its
// exact name.
func CheckDeleteConfirm(org Organisation, confirm string) error {
	if confirm != org.Name {
		return FieldError("confirm", "must be the organisation's exact name")
	}
	return nil
}
