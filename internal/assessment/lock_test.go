package assessment

import (
	"slices"
	"testing"
)

// TestLockedStatusesAgree: the list the store's conditional writes use is
// the rule itself.
func TestLockedStatusesAgree(t *testing.T) {
	for _, s := range []Status{StatusDraft, StatusInReview, StatusApproved} {
		if s.Locked() != slices.Contains(LockedStatuses(), string(s)) {
			t.Errorf("%s: Locked %v, listed %v", s, s.Locked(), LockedStatuses())
		}
	}
}
