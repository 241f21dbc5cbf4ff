package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// capability finds a capability in a GET /api/v1/assessments/{id} body.
func capability(t *testing.T, r apiResult, key string) map[string]any {
	t.Helper()
	for _, c := range r.Body["capabilities"].([]any) {
		m := c.(map[string]any)
		if m["key"] == key {
			return m
		}
	}
	t.Fatalf("capability %s not in response", key)
	return nil
}

func indicator(t *testing.T, c map[string]any, key string) map[string]any {
	t.Helper()
	for _, i := range c["indicators"].([]any) {
		m := i.(map[string]any)
		if m["key"] == key {
			return m
		}
	}
	t.Fatalf("indicator %s not in response", key)
	return nil
}

// TestAPIFlow: organisation → assessment → answers → suggested phase and
// completion change, through the real router and a real SQLite file.
func TestAPIFlow(t *testing.T) {
	a := newApp(t)
	admin := a.user("admin@example.org", true)
	coord := a.user("coord@example.org", false)
	adminTok, tok := a.token(admin), a.token(coord)

	r := a.api(adminTok, "POST", "/api/v1/organisations", map[string]any{"name": "Ministry of Interior", "kind": "ministry", "country": "jo"})
	if r.Status != http.StatusCreated || r.str("country") != "JO" || r.Body["id"] == nil {
		t.Fatalf("create organisation: %d %s", r.Status, r.Raw)
	}
	orgID := int64(r.Body["id"].(float64))
	a.member(coord, assessment.Organisation{ID: orgID}, assessment.RoleCoordinator)

	r = a.api(tok, "POST", "/api/v1/assessments", map[string]any{"organisation_id": orgID, "title": "Agency review", "period": "2026", "scope": []string{"leadership", "legislation"}})
	if r.Status != http.StatusCreated {
		t.Fatalf("create assessment: %d %s", r.Status, r.Raw)
	}
	id := int64(r.Body["id"].(float64))
	if r.str("framework_version") != a.fw.Version {
		t.Errorf("framework version %q not pinned", r.str("framework_version"))
	}

	path := fmt.Sprintf("/api/v1/assessments/%d", id)
	r = a.api(tok, "GET", path, nil)
	if r.Status != 200 || r.Body["completion"].(float64) != 0 || len(r.Body["capabilities"].([]any)) != 2 {
		t.Fatalf("fresh assessment: %d %s", r.Status, r.Raw)
	}
	lead := a.fw.Capability("leadership")
	for _, in := range lead.Indicators {
		if in.Phase > 2 {
			continue
		}
		w := a.api(tok, "PUT", path+"/indicators/"+in.Key, map[string]any{"answer": "yes", "evidence": "Decree 12/2024", "note": "", "version": 0})
		if w.Status != 200 || w.Body["version"].(float64) != 1 {
			t.Fatalf("answer %s: %d %s", in.Key, w.Status, w.Raw)
		}
	}
	r = a.api(tok, "GET", path, nil)
	c := capability(t, r, "leadership")
	if c["suggested_phase"].(float64) != 2 {
		t.Errorf("suggested phase = %v, want 2", c["suggested_phase"])
	}
	if c["confirmed_phase"] != nil {
		t.Errorf("confirmed phase = %v for a capability not yet assessed", c["confirmed_phase"])
	}
	total := len(lead.Indicators) + len(a.fw.Capability("legislation").Indicators)
	answered := 0
	for _, in := range lead.Indicators {
		if in.Phase <= 2 {
			answered++
		}
	}
	if got, want := r.Body["completion"].(float64), float64(answered)/float64(total); got != want {
		t.Errorf("completion = %v, want %v", got, want)
	}
	ind := indicator(t, c, "leadership-1")
	if ind["answer"] != "yes" || ind["evidence"] != "Decree 12/2024" || ind["version"].(float64) != 1 {
		t.Errorf("indicator = %v", ind)
	}

	// Confirming a different phase needs a justification.
	w := a.api(tok, "PUT", path+"/capabilities/leadership", map[string]any{"confirmed_phase": 3, "target_phase": 4, "priority": "high", "lead": "Ministry", "version": 0})
	if w.Status != 422 || w.str("field") != "justification" {
		t.Fatalf("missing justification: %d %s", w.Status, w.Raw)
	}
	w = a.api(tok, "PUT", path+"/capabilities/leadership", map[string]any{"confirmed_phase": 3, "justification": "Budget adopted after the survey", "target_phase": 4, "priority": "high", "lead": "Ministry", "version": 0})
	if w.Status != 200 || w.Body["confirmed_phase"].(float64) != 3 || w.Body["version"].(float64) != 1 || w.str("priority") != "high" {
		t.Fatalf("confirm: %d %s", w.Status, w.Raw)
	}
}

func TestAPIStaleWriteIsConflictAndKeepsStoredAnswer(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.coordinator)
	path := fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID)
	if r := f.api(tok, "PUT", path, map[string]any{"answer": "yes", "evidence": "first", "version": 0}); r.Status != 200 {
		t.Fatalf("first write: %d %s", r.Status, r.Raw)
	}
	r := f.api(tok, "PUT", path, map[string]any{"answer": "no", "evidence": "stale", "version": 0})
	if r.Status != http.StatusConflict {
		t.Fatalf("stale write: %d %s", r.Status, r.Raw)
	}
	cur := r.Body["current"].(map[string]any)
	if cur["answer"] != "yes" || cur["evidence"] != "first" || cur["version"].(float64) != 1 {
		t.Errorf("409 current = %v", cur)
	}
	got := indicator(t, capability(t, f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil), "leadership"), "leadership-1")
	if got["answer"] != "yes" || got["evidence"] != "first" {
		t.Errorf("stored answer changed by a stale write: %v", got)
	}
}

func TestAPIBadInput(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.coordinator)
	base := fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID)
	agency := f.assessment(f.org, []string{"hotline"})
	cases := []struct {
		name, method, path string
		body               any
		status             int
		field              string
	}{
		{"unknown assessment", "GET", "/api/v1/assessments/999999", nil, 404, ""},
		{"non-numeric assessment", "GET", "/api/v1/assessments/abc", nil, 404, ""},
		{"unknown indicator", "PUT", base + "/indicators/leadership-99", map[string]any{"answer": "yes", "version": 0}, 404, ""},
		{"unknown capability", "PUT", base + "/capabilities/nope", map[string]any{"version": 0}, 404, ""},
		{"indicator outside scope", "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", agency.ID), map[string]any{"answer": "yes", "version": 0}, 422, "indicator"},
		{"bad answer value", "PUT", base + "/indicators/leadership-1", map[string]any{"answer": "maybe", "version": 0}, 422, "answer"},
		{"missing version", "PUT", base + "/indicators/leadership-1", map[string]any{"answer": "yes"}, 422, "version"},
		{"phase out of range", "PUT", base + "/capabilities/leadership", map[string]any{"target_phase": 5, "version": 0}, 422, "target_phase"},
		{"negative phase", "PUT", base + "/capabilities/leadership", map[string]any{"confirmed_phase": -1, "justification": "x", "version": 0}, 422, "confirmed_phase"},
		{"bad priority", "PUT", base + "/capabilities/leadership", map[string]any{"priority": "urgent", "version": 0}, 422, "priority"},
		{"text over limit", "PUT", base + "/indicators/leadership-1", map[string]any{"answer": "yes", "note": strings.Repeat("é", assessment.MaxNote+1), "version": 0}, 422, "note"},
		{"not applicable without a reason", "PUT", base + "/indicators/leadership-1", map[string]any{"answer": "na", "note": " ", "version": 0}, 422, "note"},
		{"malformed JSON", "PUT", base + "/indicators/leadership-1", `{"answer": "yes",`, 422, "body"},
		{"wrong type", "PUT", base + "/indicators/leadership-1", `{"answer": "yes", "version": "one"}`, 422, "version"},
		{"unknown field", "PUT", base + "/indicators/leadership-1", `{"answer": "yes", "version": 0, "score": 3}`, 422, "score"},
		{"bad country", "POST", "/api/v1/assessments", map[string]any{"organisation_id": f.org.ID, "title": "", "period": "2026"}, 422, "title"},
		{"scope unknown", "POST", "/api/v1/assessments", map[string]any{"organisation_id": f.org.ID, "title": "T", "period": "2026", "scope": []string{"nope"}}, 422, "scope"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := f.api(tok, c.method, c.path, c.body)
			if r.Status != c.status {
				t.Fatalf("status = %d, want %d: %s", r.Status, c.status, r.Raw)
			}
			if r.str("error") == "" {
				t.Errorf("no error message: %s", r.Raw)
			}
			if c.field != "" && r.str("field") != c.field {
				t.Errorf("field = %q, want %q (%s)", r.str("field"), c.field, r.Raw)
			}
		})
	}
	// Nothing was half-saved: every answer is still unanswered at version 0.
	r := f.api(tok, "GET", base, nil)
	for _, c := range r.Body["capabilities"].([]any) {
		for _, i := range c.(map[string]any)["indicators"].([]any) {
			if m := i.(map[string]any); m["answer"] != "" || m["version"].(float64) != 0 {
				t.Fatalf("indicator %v changed by a rejected request", m["key"])
			}
		}
	}
}

func TestAPIFramework(t *testing.T) {
	f := newFixture(t)
	r := f.api(f.token(f.viewer), "GET", "/api/v1/framework", nil)
	if r.Status != 200 || len(r.Body["domains"].([]any)) != 6 || len(r.Body["scale"].([]any)) != 5 {
		t.Fatalf("framework: %d", r.Status)
	}
	d := r.Body["domains"].([]any)[0].(map[string]any)
	c := d["capabilities"].([]any)[0].(map[string]any)
	if len(c["indicators"].([]any)) < 4 {
		t.Error("indicators missing")
	}
	r = f.api(f.token(f.viewer), "GET", "/api/v1/framework?lang=en", nil)
	c = r.Body["domains"].([]any)[0].(map[string]any)["capabilities"].([]any)[0].(map[string]any)
	if c["name"] != f.fw.Capability("leadership").Name.In("en") {
		t.Errorf("localised name = %v", c["name"])
	}
}
