package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// A script typed into any text field comes back as text: in every page
// (html/template escapes it) and in the API's JSON.
func TestScriptTypedAnywhereRendersAsText(t *testing.T) {
	f := newFixture(t)
	xss := `<script>alert(1)</script>`
	key := f.fw.Capability("leadership").Indicators[0].Key
	r := f.api(f.token(f.coordinator), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", f.assess.ID, key),
		map[string]any{"answer": "partly", "evidence": xss, "note": xss, "version": 0})
	if r.Status != http.StatusOK {
		t.Fatalf("save: %d %s", r.Status, r.Raw)
	}
	r = f.api(f.token(f.admin), "POST", "/api/v1/organisations", map[string]any{"name": xss, "kind": string(assessment.KindNGO), "country": "XA"})
	if r.Status != http.StatusCreated {
		t.Fatalf("organisation: %d %s", r.Status, r.Raw)
	}
	org2 := int64(r.Body["id"].(float64))
	f.member(f.owner, assessment.Organisation{ID: org2}, assessment.RoleOwner)
	owner := f.session(f.owner)
	if res, _ := owner.post("/account/profile", map[string][]string{"name": {xss}, "lang": {"en"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("profile: %d", res.StatusCode)
	}
	pages := []string{"/", "/organisations", "/account", fmt.Sprintf("/assessments/%d", f.assess.ID),
		fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID), fmt.Sprintf("/assessments/%d/report", f.assess.ID),
		fmt.Sprintf("/organisations/%d/members", f.org.ID), fmt.Sprintf("/organisations/%d/activity", f.org.ID),
		fmt.Sprintf("/organisations/%d/members", org2)}
	for _, p := range pages {
		status, body := owner.raw(p)
		if status != http.StatusOK {
			t.Errorf("%s: %d", p, status)
			continue
		}
		if strings.Contains(body, xss) {
			t.Errorf("%s: the script is in the page unescaped", p)
		}
	}
	_, doc := owner.get(fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID))
	if got := doc.Find("#evidence-" + key).Text(); got != xss {
		t.Errorf("evidence shown as %q", got)
	}
	if got := doc.Find("#note-" + key).Text(); got != xss {
		t.Errorf("note shown as %q", got)
	}
	if got := text(doc.Find(".site-header .who")); got != xss {
		t.Errorf("user name shown as %q", got)
	}
	_, doc = owner.get("/")
	if !strings.Contains(doc.Find(fmt.Sprintf("#org-%d", org2)).Text(), xss) {
		t.Errorf("organisation name shown as %q", doc.Find(fmt.Sprintf("#org-%d", org2)).Text())
	}
	_, doc = owner.get(fmt.Sprintf("/organisations/%d/members", f.org.ID))
	if got := text(doc.Find(fmt.Sprintf(`tr[data-user="%d"] .member-name`, f.owner.ID))); got != xss {
		t.Errorf("member name shown as %q", got)
	}
	_, doc = owner.get(fmt.Sprintf("/organisations/%d/activity", f.org.ID))
	if ch := changeOf(rowWith(doc, "Answer saved"), "evidence"); ch == nil || text(ch.Find(".after")) != xss {
		t.Errorf("activity shows the evidence as %v", ch)
	}
	// The API's JSON carries the text exactly, with < and > escaped.
	r = f.api(f.token(f.owner), "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil)
	if strings.Contains(string(r.Raw), "<script>") {
		t.Error("API JSON has a raw <script>")
	}
	var body struct {
		Capabilities []struct {
			Key        string `json:"key"`
			Indicators []struct {
				Key, Evidence, Note string
			} `json:"indicators"`
		} `json:"capabilities"`
	}
	if err := json.Unmarshal(r.Raw, &body); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range body.Capabilities {
		for _, in := range c.Indicators {
			if in.Key == key {
				found = in.Evidence == xss && in.Note == xss
			}
		}
	}
	if !found {
		t.Error("API does not return the evidence and note as typed")
	}
	r = f.api(f.token(f.owner), "GET", "/api/v1/organisations", nil)
	if strings.Contains(string(r.Raw), "<script>") || !strings.Contains(string(r.Raw), `\u003cscript\u003e`) {
		t.Errorf("organisation list JSON: %s", r.Raw)
	}
}
