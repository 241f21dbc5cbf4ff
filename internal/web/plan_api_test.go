package web_test

import (
	"fmt"
	"testing"
)

func TestPlanAPICreateEditDelete(t *testing.T) {
	f := newPlanFixture(t)
	tok := f.token(f.coordinator)
	id := f.createAction(f.assess, f.actionBody("Adopt a national CSEA strategy"))

	res := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d/actions", f.assess.ID), nil)
	list, _ := res.Body["actions"].([]any)
	if res.Status != 200 || len(list) != 1 {
		t.Fatalf("list: %d %s", res.Status, res.Raw)
	}
	got := list[0].(map[string]any)
	for k, want := range map[string]any{"capability": "leadership", "title": "Adopt a national CSEA strategy", "owner_name": "Demoland Police",
		"start_date": "2026-01-15", "due_date": "2026-09-30", "budget_amount": 125000.5, "currency": "EUR", "funding": "donor",
		"status": "planned", "version": float64(1), "contact": "Inspector Rahman"} {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	if got["owner_organisation_id"] != float64(f.police.ID) {
		t.Errorf("owner_organisation_id = %v", got["owner_organisation_id"])
	}

	edit := with(f.actionBody("Adopt and fund the national strategy"), "version", 1, "budget_amount", "200000", "currency", "usd",
		"owner_organisation_id", nil, "owner_name", "Ministry of Finance")
	res = f.api(tok, "PUT", fmt.Sprintf("/api/v1/actions/%d", id), edit)
	if res.Status != 200 || res.str("title") != "Adopt and fund the national strategy" || res.Body["version"] != float64(2) ||
		res.str("currency") != "USD" || res.Body["budget_amount"] != float64(200000) || res.str("owner_name") != "Ministry of Finance" ||
		res.Body["owner_organisation_id"] != nil {
		t.Fatalf("edit: %d %s", res.Status, res.Raw)
	}
	stale := f.api(tok, "PUT", fmt.Sprintf("/api/v1/actions/%d", id), with(edit, "title", "Someone else's title", "version", 1))
	cur, _ := stale.Body["current"].(map[string]any)
	if stale.Status != 409 || cur["title"] != "Adopt and fund the national strategy" || stale.Body["current_version"] != float64(2) {
		t.Fatalf("stale edit: %d %s", stale.Status, stale.Raw)
	}
	res = f.api(tok, "GET", fmt.Sprintf("/api/v1/actions/%d", id), nil)
	hist, _ := res.Body["history"].([]any)
	if res.Status != 200 || res.str("title") != "Adopt and fund the national strategy" || len(hist) != 1 {
		t.Fatalf("show: %d %s", res.Status, res.Raw)
	}
	if res := f.api(tok, "DELETE", fmt.Sprintf("/api/v1/actions/%d?version=1", id), nil); res.Status != 409 {
		t.Errorf("stale delete: %d %s", res.Status, res.Raw)
	}
	if res := f.api(tok, "DELETE", fmt.Sprintf("/api/v1/actions/%d?version=2", id), nil); res.Status != 204 {
		t.Errorf("delete: %d %s", res.Status, res.Raw)
	}
	if res := f.api(tok, "GET", fmt.Sprintf("/api/v1/actions/%d", id), nil); res.Status != 404 {
		t.Errorf("deleted action: %d", res.Status)
	}
	ev := f.api(f.token(f.owner), "GET", fmt.Sprintf("/api/v1/assessments/%d/actions", f.assess.ID), nil)
	if l, _ := ev.Body["actions"].([]any); len(l) != 0 {
		t.Errorf("after delete: %s", ev.Raw)
	}
	audit, err := f.db.Audit(t.Context(), storeAuditFilter(f.assess.ID, "action."))
	if err != nil || len(audit) != 3 {
		t.Fatalf("audit: %d events, %v", len(audit), err)
	}
}

func TestPlanBadInput(t *testing.T) {
	f := newPlanFixture(t)
	tok := f.token(f.coordinator)
	long := make([]byte, 201)
	for i := range long {
		long[i] = 'a'
	}
	otherLeadership := f.fw.Capability("legislation").Indicators[0].Key
	cases := []struct {
		name, field string
		body        map[string]any
	}{
		{"due before start", "due_date", with(f.actionBody("x"), "start_date", "2026-05-01", "due_date", "2026-04-30")},
		{"not a date", "start_date", with(f.actionBody("x"), "start_date", "2026-02-30")},
		{"unknown currency", "currency", with(f.actionBody("x"), "currency", "XYZ")},
		{"negative budget", "budget_amount", with(f.actionBody("x"), "budget_amount", -5)},
		{"non-numeric budget", "budget_amount", with(f.actionBody("x"), "budget_amount", "a lot")},
		{"organisation of another country", "owner_organisation_id", with(f.actionBody("x"), "owner_organisation_id", f.other.ID)},
		{"unknown organisation", "owner_organisation_id", with(f.actionBody("x"), "owner_organisation_id", 99999)},
		{"unknown capability", "capability", with(f.actionBody("x"), "capability", "no-such-capability")},
		{"indicator of another capability", "indicators", with(f.actionBody("x"), "indicators", []string{otherLeadership})},
		{"title too long", "title", with(f.actionBody(string(long)))},
		{"no title", "title", with(f.actionBody(""))},
		{"unknown status", "status", with(f.actionBody("x"), "status", "finished")},
		{"unknown funding", "funding", with(f.actionBody("x"), "funding", "loan")},
	}
	for _, c := range cases {
		res := f.api(tok, "POST", fmt.Sprintf("/api/v1/assessments/%d/actions", f.assess.ID), c.body)
		if res.Status != 422 || res.str("field") != c.field {
			t.Errorf("%s: %d %s", c.name, res.Status, res.Raw)
		}
	}
	scoped := f.assessment(f.org, []string{"leadership"})
	res := f.api(tok, "POST", fmt.Sprintf("/api/v1/assessments/%d/actions", scoped.ID), with(f.actionBody("x"), "capability", "legislation", "indicators", []string{}))
	if res.Status != 422 || res.str("field") != "capability" {
		t.Errorf("capability outside the scope: %d %s", res.Status, res.Raw)
	}
	for _, a := range []int64{f.assess.ID, scoped.ID} {
		if acts, _ := f.db.Actions(t.Context(), a); len(acts) != 0 {
			t.Errorf("assessment %d: %d actions saved from bad input", a, len(acts))
		}
	}
}
