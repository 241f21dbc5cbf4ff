package assessment

// MaxIDs is the most ids or keys one request may name (notifications to
// mark as read, carried-forward answers to confirm). Far above what a page
// sends, it keeps a crafted request from building a statement with tens of
// thousands of parameters, which the databases refuse.
const MaxIDs = 500

// CheckIDs refuses a list of n ids or keys longer than MaxIDs, naming the
// field and the limit.
func CheckIDs(field string, n int) error {
	if n > MaxIDs {
		return FieldError(field, "lists %d items; at most %d can be sent at once", n, MaxIDs)
	}
	return nil
}
