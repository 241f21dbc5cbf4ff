package assessment

import (
	"fmt"
	"strconv"
	"strings"
)

// Erased people keep a stable pseudonym: the same person is the same
// "Former user 17" in every answer, comment and audit event, and nothing
// else about them is left.
const (
	formerUserPrefix = "Former user "
	erasedDomain     = "@erased.invalid" // .invalid can never be a real address (RFC 2606)
)

// FormerUserName is the stored pseudonym of erased user id. It is stored in
// English; pages show it translated (see FormerUserID).
func FormerUserName(id int64) string { return formerUserPrefix + strconv.FormatInt(id, 10) }

// FormerUserEmail is the address an erased user's account keeps, unique and
// undeliverable.
func FormerUserEmail(id int64) string { return fmt.Sprintf("former-user-%d%s", id, erasedDomain) }

// FormerUserID recognises a stored pseudonym, so a page can show it in the
// reader's language.
func FormerUserID(name string) (int64, bool) {
	rest, ok := strings.CutPrefix(name, formerUserPrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}

// IsErasedEmail reports whether an account's address is an erasure's.
func IsErasedEmail(email string) bool { return strings.HasSuffix(email, erasedDomain) }
