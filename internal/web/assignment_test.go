package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestAssignCapabilitiesToContributors(t *testing.T) {
	f := newFixture(t)
	overview := fmt.Sprintf("/assessments/%d", f.assess.ID)
	assign := overview + "/assignments"
	second := f.fw.Capabilities()[1].Key
	coord := f.session(f.coordinator)
	_, doc := coord.get(overview)
	noInline(t, doc)
	unlabelled(t, doc)
	row := doc.Find("tr#cap-leadership")
	if !strings.Contains(text(row.Find(".assignees")), f.contributor.Name) || row.Find(`input[name=action][value=unassign]`).Length() != 1 {
		t.Errorf("leadership row: %q", text(row.Find(".assigned")))
	}
	var offered []string
	doc.Find("tr#cap-" + second + " select[name=user] option").Each(func(_ int, s *goquery.Selection) { offered = append(offered, s.Text()) })
	if len(offered) != 1 || offered[0] != f.contributor.Name {
		t.Errorf("contributors offered: %v", offered)
	}
	contrib := f.session(f.contributor)
	_, doc = contrib.get(overview)
	if text(doc.Find("tr#cap-leadership .assigned-to-you")) != "Assigned to you" || doc.Find(".assigned-to-you").Length() != 1 {
		t.Errorf("contributor's marker: %d", doc.Find(".assigned-to-you").Length())
	}
	if doc.Find(`form[action="`+assign+`"]`).Length() != 0 {
		t.Error("a contributor is offered assignment forms")
	}
	capPath := fmt.Sprintf("%s/capabilities/%s", overview, second)
	if res, _ := contrib.post(capPath, url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Fatalf("unassigned capability: %d", res.StatusCode)
	}
	res, _ := coord.post(assign, url.Values{"capability": {second}, "user": {fmt.Sprint(f.contributor.ID)}, "action": {"assign"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != overview+"#cap-"+second {
		t.Fatalf("assign: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	e := f.lastEvent("assignment.add")
	if e.AssessmentID != f.assess.ID || e.OrganisationID != f.org.ID || e.Object != "capability "+second || jsonField(t, e.After, "user_id") != float64(f.contributor.ID) {
		t.Errorf("assign audit: %+v", e)
	}
	if res, _ := contrib.post(capPath, url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("assigned capability: %d", res.StatusCode)
	}
	_, doc = contrib.get(overview)
	if doc.Find(".assigned-to-you").Length() != 2 {
		t.Error("the new assignment is not marked")
	}
	bad := []url.Values{
		{"capability": {second}, "user": {fmt.Sprint(f.reviewer.ID)}, "action": {"assign"}},
		{"capability": {second}, "user": {fmt.Sprint(f.outsider.ID)}, "action": {"assign"}},
		{"capability": {second}, "user": {fmt.Sprint(f.contributor.ID)}, "action": {"promote"}},
		{"capability": {second}, "user": {fmt.Sprint(f.viewer.ID)}, "action": {"unassign"}},
	}
	for _, form := range bad {
		if res, _ := coord.post(assign, form); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%v: %d, want 422", form, res.StatusCode)
		}
	}
	if res, _ := coord.post(assign, url.Values{"capability": {"no-such-capability"}, "user": {fmt.Sprint(f.contributor.ID)}, "action": {"assign"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown capability: %d", res.StatusCode)
	}
	for _, who := range []struct {
		b    *browser
		want int
	}{{contrib, 403}, {f.session(f.viewer), 403}, {f.session(f.admin), 404}, {f.session(f.outsider), 404}} {
		if res, _ := who.b.post(assign, url.Values{"capability": {second}, "user": {fmt.Sprint(f.contributor.ID)}, "action": {"assign"}}); res.StatusCode != who.want {
			t.Errorf("assigning as someone else: %d, want %d", res.StatusCode, who.want)
		}
	}
	res, _ = f.session(f.owner).post(assign, url.Values{"capability": {second}, "user": {fmt.Sprint(f.contributor.ID)}, "action": {"unassign"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("unassign: %d", res.StatusCode)
	}
	if e := f.lastEvent("assignment.remove"); e.Object != "capability "+second {
		t.Errorf("unassign audit: %+v", e)
	}
	if res, _ := contrib.post(capPath, url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("after unassigning: %d", res.StatusCode)
	}
}
