package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// closedOrg creates a ministry (which does not accept partner requests by
// default) with one member.
func (f *fixture) closedOrg(name, email string) (assessment.Organisation, assessment.User) {
	f.t.Helper()
	o, err := f.db.CreateOrganisation(context.Background(), assessment.System, assessment.Organisation{Name: name, Kind: assessment.KindMinistry, Country: "XD"})
	if err != nil {
		f.t.Fatal(err)
	}
	u := f.user(email, false)
	f.member(u, o, assessment.RoleOwner)
	return o, u
}

func TestPartnerRequestsNoEnumeration(t *testing.T) {
	f := newFixture(t)
	closed, cu := f.closedOrg("Ministry of Secrets", "minister@secrets.example")
	tok := f.token(f.owner)
	shares := fmt.Sprintf("/api/v1/organisations/%d/shares", f.org.ID)
	unknown := f.api(tok, "POST", shares, map[string]any{"partner_organisation_id": closed.ID + 1000})
	refused := f.api(tok, "POST", shares, map[string]any{"partner_organisation_id": closed.ID})
	if unknown.Status != 422 || refused.Status != 422 || !bytes.Equal(unknown.Raw, refused.Raw) {
		t.Fatalf("unknown id %d %s vs non-accepting id %d %s: must be identical", unknown.Status, unknown.Raw, refused.Status, refused.Raw)
	}
	if refused.str("field") != "partner_organisation_id" || bytes.Contains(refused.Raw, []byte("Secrets")) {
		t.Errorf("answer names the wrong field or the organisation: %s", refused.Raw)
	}
	byName := f.api(tok, "POST", shares, map[string]any{"partner_name": closed.Name})
	if byName.Status != 422 || byName.str("field") != "partner_name" || bytes.Contains(byName.Raw, []byte("Secrets")) {
		t.Errorf("by name: %d %s", byName.Status, byName.Raw)
	}
	ob := f.session(f.owner)
	sharing := fmt.Sprintf("/organisations/%d/sharing", f.org.ID)
	ob.get(sharing)
	res1, d1 := ob.post(sharing, url.Values{"partner": {closed.Name}, "assessment_id": {"0"}})
	res2, d2 := ob.post(sharing, url.Values{"partner": {"No Such Body"}, "assessment_id": {"0"}})
	if res1.StatusCode != 422 || res2.StatusCode != 422 || text(d1.Find("#partner-error")) != text(d2.Find("#partner-error")) || text(d1.Find("#partner-error")) == "" {
		t.Errorf("HTML: %d %q vs %d %q", res1.StatusCode, text(d1.Find("#partner-error")), res2.StatusCode, text(d2.Find("#partner-error")))
	}
	if n := notificationsOf(t, f, cu.ID, assessment.NotifyShared); len(n) != 0 {
		t.Errorf("a non-accepting organisation was notified: %+v", n)
	}
	if list, _ := f.db.Shares(context.Background(), f.org.ID); len(list) != 0 {
		t.Errorf("shares stored: %+v", list)
	}
}

func TestPartnerRequestsOwnerToggles(t *testing.T) {
	f := newFixture(t)
	closed, cu := f.closedOrg("Ministry of Welfare", "minister@welfare.example")
	tok := f.token(f.owner)
	shares := fmt.Sprintf("/api/v1/organisations/%d/shares", f.org.ID)

	// Its owner opens the door on its own sharing page.
	cb := f.session(cu)
	page := fmt.Sprintf("/organisations/%d/sharing", closed.ID)
	_, doc := cb.get(page)
	if v, _ := doc.Find("#partner-requests-state").Attr("data-accepts"); v != "false" {
		t.Fatalf("initial state: %q", v)
	}
	if res, _ := cb.post(page+"/partner-requests", url.Values{"accepts": {"true"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept: %d", res.StatusCode)
	}
	_, doc = cb.get(page)
	if v, _ := doc.Find("#partner-requests-state").Attr("data-accepts"); v != "true" {
		t.Fatalf("after accepting: %q", v)
	}
	ev, err := f.db.Audit(context.Background(), store.AuditFilter{OrganisationID: closed.ID, ActionPrefix: "organisation.partner_requests", Limit: 10})
	if err != nil || len(ev) != 1 {
		t.Fatalf("audit: %v %+v", err, ev)
	}
	// Another organisation's owner cannot change it.
	if res, _ := f.session(f.owner).post(page+"/partner-requests", url.Values{}); res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusForbidden {
		t.Errorf("outsider toggles: %d", res.StatusCode)
	}

	r := f.api(tok, "POST", shares, map[string]any{"partner_organisation_id": closed.ID})
	if r.Status != http.StatusCreated {
		t.Fatalf("share with an accepting partner: %d %s", r.Status, r.Raw)
	}
	if n := notificationsOf(t, f, cu.ID, assessment.NotifyShared); len(n) != 1 {
		t.Errorf("accepting partner notifications: %+v", n)
	}

	// Closing again refuses new shares with the same answer as an unknown id.
	if res, _ := cb.post(page+"/partner-requests", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("refuse: %d", res.StatusCode)
	}
	r = f.api(tok, "POST", shares, map[string]any{"partner_organisation_id": closed.ID, "assessment_id": f.assess.ID})
	if r.Status != 422 || r.str("field") != "partner_organisation_id" {
		t.Errorf("share after refusing: %d %s", r.Status, r.Raw)
	}
	if n := notificationsOf(t, f, cu.ID, assessment.NotifyShared); len(n) != 1 {
		t.Errorf("notified after refusing: %+v", n)
	}
}
