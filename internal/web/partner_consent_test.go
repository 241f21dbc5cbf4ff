package web_test

import (
	"fmt"
	"net/http"
	"testing"
)

// TestSharedReportHidesUnsharedPreviousCycle: sharing one report is consent
// for that report only; its comparison with an earlier cycle appears to the
// partner only when that cycle is shared too.
func TestSharedReportHidesUnsharedPreviousCycle(t *testing.T) {
	f, old, cur := twoCycles(t)
	partner, pu := f.partnerOrg("Donor Forum", "officer@donor.example")
	owner := f.token(f.owner)
	share := func(id int64) {
		r := f.api(owner, "POST", fmt.Sprintf("/api/v1/organisations/%d/shares", f.org.ID), map[string]any{"partner_organisation_id": partner.ID, "assessment_id": id})
		if r.Status != http.StatusCreated {
			t.Fatalf("share %d: %d %s", id, r.Status, r.Raw)
		}
	}
	share(cur.ID)
	b := f.login(pu.Email)
	path := fmt.Sprintf("/assessments/%d/report", cur.ID)
	res, doc := b.get(path)
	if res.StatusCode != 200 {
		t.Fatalf("partner report: %d", res.StatusCode)
	}
	if doc.Find("section.change").Length() != 0 || doc.Find("#capability-table td.previous").Length() != 0 {
		t.Error("the partner sees the previous cycle, which was not shared")
	}
	// The organisation's own members still see the comparison.
	if _, doc := f.login(f.viewer.Email).get(path); doc.Find("section.change").Length() != 1 {
		t.Error("members lost the comparison")
	}
	share(old.ID)
	if _, doc := b.get(path); doc.Find("section.change").Length() != 1 {
		t.Error("with both cycles shared the partner should see the comparison")
	}
}
