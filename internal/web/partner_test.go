package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// partnerOrg creates an NGO with one member and returns both.
func (f *fixture) partnerOrg(name, email string) (assessment.Organisation, assessment.User) {
	f.t.Helper()
	o, err := f.db.CreateOrganisation(context.Background(), assessment.System, assessment.Organisation{Name: name, Kind: assessment.KindNGO, Country: "CH"})
	if err != nil {
		f.t.Fatal(err)
	}
	u := f.user(email, false)
	f.member(u, o, assessment.RoleViewer)
	return o, u
}

func TestSharingWithAPartnerAndRevoking(t *testing.T) {
	f := newFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 3}, "")
	f.approve(f.assess)
	partner, pu := f.partnerOrg("Child Rights Watch International", "analyst@crwi.example")
	report := fmt.Sprintf("/assessments/%d/report", f.assess.ID)
	pb := f.session(pu)
	if res, _ := pb.get(report); res.StatusCode != http.StatusNotFound {
		t.Fatalf("partner reads before any share: %d", res.StatusCode)
	}

	sharing := fmt.Sprintf("/organisations/%d/sharing", f.org.ID)
	if res, _ := f.session(f.coordinator).get(sharing); res.StatusCode != http.StatusForbidden {
		t.Errorf("coordinator opens sharing: %d", res.StatusCode)
	}
	ob := f.session(f.owner)
	ob.get(sharing)
	res, doc := ob.post(sharing, url.Values{"partner": {"Child Rights Watch"}, "assessment_id": {"0"}})
	if res.StatusCode != 422 || !strings.Contains(text(doc.Find("#partner-error")), "no organisation") {
		t.Errorf("unknown partner: %d %q", res.StatusCode, text(doc.Find("#partner-error")))
	}
	if v, _ := doc.Find("#partner").Attr("value"); v != "Child Rights Watch" {
		t.Errorf("typed partner name lost: %q", v)
	}
	if r := f.api(f.token(f.owner), "POST", fmt.Sprintf("/api/v1/organisations/%d/shares", f.org.ID), map[string]any{"partner_organisation_id": 99999}); r.Status != 422 || r.str("field") != "partner_organisation_id" {
		t.Errorf("API unknown partner id: %d %s", r.Status, r.Raw)
	}
	res, _ = ob.post(sharing, url.Values{"partner": {"child rights watch international"}, "assessment_id": {"0"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("share: %d", res.StatusCode)
	}
	if r := f.api(f.token(f.owner), "POST", fmt.Sprintf("/api/v1/organisations/%d/shares", f.org.ID), map[string]any{"partner_name": partner.Name}); r.Status != http.StatusConflict {
		t.Errorf("the same share twice: %d %s", r.Status, r.Raw)
	}
	if n := notificationsOf(t, f, pu.ID, assessment.NotifyShared); len(n) != 1 || !strings.Contains(n[0].Message, f.org.Name) {
		t.Errorf("partner notifications: %+v", n)
	}

	// The partner reads the report and sees the organisation on its dashboard.
	if res, _ := pb.get(report); res.StatusCode != 200 {
		t.Fatalf("partner reads the shared report: %d", res.StatusCode)
	}
	if res, _ := pb.get(fmt.Sprintf("/assessments/%d", f.assess.ID)); res.StatusCode != http.StatusNotFound {
		t.Errorf("sharing a report opened the working pages: %d", res.StatusCode)
	}
	_, doc = pb.get("/partner")
	card := doc.Find(fmt.Sprintf(`section.multiple[data-organisation="%d"]`, f.org.ID))
	if card.Length() != 1 || card.Find("svg.sparkline[role=img]").Length() != 1 {
		t.Fatalf("dashboard card: %q", text(card))
	}
	if !strings.Contains(text(doc.Find("#not-a-ranking")), "This is not a ranking") {
		t.Error("the dashboard lacks the not-a-ranking statement")
	}
	if got := text(card.Find(fmt.Sprintf(`tr[data-assessment="%d"] td`, f.assess.ID)).First()); got != "1.1" {
		t.Errorf("mean phase on the card = %q, want 1.1 (20 × 1 + 3 over 21)", got)
	}
	if card.Find(fmt.Sprintf(`a[href="%s"]`, report)).Length() != 1 {
		t.Error("no link to the shared report")
	}

	// Revoking ends access at once; the record stays.
	_, doc = ob.get(sharing)
	action, _ := doc.Find(`tr[data-active="true"] form`).Attr("action")
	if res, _ := ob.post(action, url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.StatusCode)
	}
	if res, _ := pb.get(report); res.StatusCode != http.StatusNotFound {
		t.Errorf("partner reads after revocation: %d", res.StatusCode)
	}
	if r := f.api(f.token(pu), "GET", fmt.Sprintf("/api/v1/assessments/%d/report", f.assess.ID), nil); r.Status != http.StatusNotFound {
		t.Errorf("partner reads the API report after revocation: %d", r.Status)
	}
	_, doc = pb.get("/partner")
	if doc.Find("section.multiple").Length() != 0 {
		t.Error("a revoked share still shows on the dashboard")
	}
	_, doc = ob.get(sharing)
	if doc.Find(`tr[data-active="false"]`).Length() != 1 {
		t.Error("the revoked share is not on record")
	}
	if ev := f.lastEvent("share.create"); ev.OrganisationID != f.org.ID || !strings.Contains(ev.After, partner.Name) {
		t.Errorf("share.create audit = %+v", ev)
	}
	if ev := f.lastEvent("share.revoke"); ev.OrganisationID != f.org.ID || ev.Actor != "owner" {
		t.Errorf("share.revoke audit = %+v", ev)
	}
}

func TestShareOneReportAndRevokeByAPI(t *testing.T) {
	f := newFixture(t)
	partner, pu := f.partnerOrg("Donor Forum", "officer@donor.example")
	tok := f.token(f.owner)
	r := f.api(tok, "POST", fmt.Sprintf("/api/v1/organisations/%d/shares", f.org.ID), map[string]any{"partner_organisation_id": partner.ID, "assessment_id": f.assess.ID})
	if r.Status != http.StatusCreated || r.Body["assessment_id"] != float64(f.assess.ID) {
		t.Fatalf("share one report: %d %s", r.Status, r.Raw)
	}
	id := int64(r.Body["id"].(float64))
	if r := f.api(tok, "POST", fmt.Sprintf("/api/v1/organisations/%d/shares", f.org.ID), map[string]any{"partner_organisation_id": partner.ID, "assessment_id": f.otherAssess.ID}); r.Status != 422 || r.str("field") != "assessment_id" {
		t.Errorf("sharing another organisation's assessment: %d %s", r.Status, r.Raw)
	}
	ptok := f.token(pu)
	if r := f.api(ptok, "GET", fmt.Sprintf("/api/v1/assessments/%d/report", f.assess.ID), nil); r.Status != 200 {
		t.Errorf("partner reads the shared draft report: %d", r.Status)
	}
	d := f.api(ptok, "GET", "/api/v1/partner/dashboard", nil)
	if d.Status != 200 || !strings.Contains(d.str("note"), "not a ranking") || !strings.Contains(string(d.Raw), f.org.Name) {
		t.Errorf("partner dashboard: %d %s", d.Status, d.Raw)
	}
	if r := f.api(f.token(f.coordinator), "DELETE", fmt.Sprintf("/api/v1/shares/%d", id), nil); r.Status != http.StatusForbidden {
		t.Errorf("coordinator revokes: %d", r.Status)
	}
	if r := f.api(f.token(f.outsider), "DELETE", fmt.Sprintf("/api/v1/shares/%d", id), nil); r.Status != http.StatusNotFound {
		t.Errorf("outsider revokes: %d", r.Status)
	}
	if r := f.api(tok, "DELETE", fmt.Sprintf("/api/v1/shares/%d", id), nil); r.Status != 200 || r.Body["active"] != false {
		t.Fatalf("revoke: %d %s", r.Status, r.Raw)
	}
	if r := f.api(tok, "DELETE", fmt.Sprintf("/api/v1/shares/%d", id), nil); r.Status != http.StatusConflict {
		t.Errorf("revoke twice: %d", r.Status)
	}
	if r := f.api(ptok, "GET", fmt.Sprintf("/api/v1/assessments/%d/report", f.assess.ID), nil); r.Status != http.StatusNotFound {
		t.Errorf("partner reads after revocation: %d", r.Status)
	}
}

// TestPartnerAggregatesNeedFiveOrganisations: with four national
// assessments shared, no cross-country figure appears; a fifth makes them
// appear, without naming anyone.
func TestPartnerAggregatesNeedFiveOrganisations(t *testing.T) {
	f := newFixture(t)
	partner, pu := f.partnerOrg("Global Partnership", "analyst@gp.example")
	ctx := context.Background()
	share := func(i int, leadership int) {
		o := f.app.org(fmt.Sprintf("National Council %d", i), fmt.Sprintf("X%c", 'E'+i))
		a := f.assessment(o, nil)
		f.answerAll(a, map[string]int{"leadership": leadership}, "")
		for _, step := range []assessment.Action{assessment.ActionSubmit, assessment.ActionApprove} {
			if _, err := f.db.Transition(ctx, assessment.System, a.ID, step, "", assessment.TransitionNotices); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := f.db.CreateShare(ctx, assessment.System, o.ID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 4; i++ {
		share(i, 3+i%2) // leadership at 3, 4, 3, 4
	}
	pb := f.session(pu)
	_, doc := pb.get("/partner")
	if n := doc.Find(`section.multiple`).Length(); n != 4 {
		t.Fatalf("small multiples = %d", n)
	}
	if n := doc.Find(`table.aggregates tr[data-shown="true"]`).Length(); n != 0 {
		t.Errorf("%d figures shown with 4 organisations", n)
	}
	if got := text(doc.Find(`table.aggregates tr[data-capability="leadership"] td`)); !strings.Contains(got, "fewer than 5") {
		t.Errorf("withheld figure reads %q", got)
	}
	api := f.api(f.token(pu), "GET", "/api/v1/partner/dashboard", nil)
	if !strings.Contains(string(api.Raw), `{"capability":"leadership","shown":false,"established_or_above":null,"of":null}`) {
		t.Errorf("API withheld figure: %s", api.Raw)
	}

	share(4, 1)
	_, doc = pb.get("/partner")
	row := doc.Find(`table.aggregates tr[data-capability="leadership"]`)
	if v, _ := row.Attr("data-shown"); v != "true" || text(row.Find("td")) != "4 of 5" {
		t.Errorf("leadership with 5 organisations: %s %q", v, text(row.Find("td")))
	}
	if got := text(doc.Find(`table.aggregates tr[data-capability="hotline"] td`)); got != "0 of 5" {
		t.Errorf("hotline = %q", got)
	}
	var countries []string
	doc.Find("section.multiple h3 .muted").Each(func(_ int, s *goquery.Selection) {
		countries = append(countries, strings.Fields(text(s))[1])
	})
	if strings.Join(countries, ",") != "XE,XF,XG,XH,XI" {
		t.Errorf("multiples in order %v, want alphabetical by country", countries)
	}
}
