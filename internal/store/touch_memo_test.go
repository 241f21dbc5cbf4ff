package store

import (
	"testing"
	"time"
)

// One save at a time touches; the others say they went without, so a
// failed touch is made up for; a committed touch holds for touchEvery.
func TestTouchMemoClaims(t *testing.T) {
	var m touchMemo
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	if !m.claim(1, now) {
		t.Fatal("an unknown assessment is due")
	}
	if m.claim(1, now) || m.claim(1, now) {
		t.Fatal("a second save claimed the touch while the first holds it")
	}
	if !m.release(1, now, false) {
		t.Fatal("the failed touch does not know that others went without")
	}
	if !m.claim(1, now) {
		t.Fatal("after a failed touch the assessment is due again")
	}
	if m.release(1, now, true) {
		t.Fatal("no save went without this time")
	}
	if m.claim(1, now.Add(touchEvery-time.Millisecond)) {
		t.Fatal("due again before touchEvery")
	}
	if !m.claim(1, now.Add(touchEvery)) {
		t.Fatal("not due after touchEvery")
	}
	m.release(1, now.Add(touchEvery), true)
	m.saw(2, now)
	if m.claim(2, now.Add(time.Millisecond)) {
		t.Fatal("an updated_at seen just now is not recent")
	}
}
