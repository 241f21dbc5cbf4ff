package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

// A contributor assigned leadership cannot reply in a hotline thread by
// sending capability=leadership: the reply would be stored under the
// thread's capability, so that is what the policy decides on.
func TestReplyTakesItsThreadsCapabilityBeforeThePolicy(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	rev := f.session(f.reviewer)
	rev.get(fmt.Sprintf("/assessments/%d/review", f.assess.ID))
	post := fmt.Sprintf("/assessments/%d/comments", f.assess.ID)
	res, _ := rev.post(post, url.Values{"capability": {"hotline"}, "body": {"Who runs the hotline?"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reviewer comments on hotline: %d", res.StatusCode)
	}
	list, err := f.db.Comments(ctx, f.assess.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("comments: %v %d", err, len(list))
	}
	hotline := list[0].ID

	con := f.session(f.contributor)
	con.get(fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID))
	form := url.Values{"capability": {"leadership"}, "parent_id": {fmt.Sprint(hotline)}, "body": {"Not mine to answer."}}
	if res, _ := con.post(post, form); res.StatusCode != http.StatusForbidden {
		t.Errorf("contributor replies in a hotline thread (form): %d, want 403", res.StatusCode)
	}
	api := f.api(f.token(f.contributor), "POST", fmt.Sprintf("/api/v1/assessments/%d/comments", f.assess.ID),
		map[string]any{"capability": "leadership", "parent_id": hotline, "body": "Not mine to answer."})
	if api.Status != http.StatusForbidden {
		t.Errorf("contributor replies in a hotline thread (API): %d, want 403", api.Status)
	}
	if list, _ := f.db.Comments(ctx, f.assess.ID); len(list) != 1 {
		t.Fatalf("%d comments stored, want only the reviewer's", len(list))
	}

	// In a leadership thread the same contributor replies, whatever the
	// client claims, and the reply stays in that thread.
	rev.post(post, url.Values{"capability": {"leadership"}, "body": {"Which decree?"}})
	list, _ = f.db.Comments(ctx, f.assess.ID)
	lead := list[len(list)-1].ID
	form = url.Values{"capability": {"hotline"}, "parent_id": {fmt.Sprint(lead)}, "body": {"Decree 12/2024."}}
	if res, _ := con.post(post, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("contributor replies in a leadership thread: %d", res.StatusCode)
	}
	list, _ = f.db.Comments(ctx, f.assess.ID)
	if r := list[len(list)-1]; r.CapabilityKey != "leadership" || r.ParentID == nil || *r.ParentID != lead {
		t.Errorf("reply stored under %q, parent %v", r.CapabilityKey, r.ParentID)
	}
	// A parent from another assessment is not found.
	if res, _ := con.post(post, url.Values{"parent_id": {"999999"}, "body": {"x"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown parent: %d", res.StatusCode)
	}
}
