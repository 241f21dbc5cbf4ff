package web_test

import (
	"fmt"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// planFixture is the usual fixture with a police agency of the same
// country (its coordinator acts for it) and a helpline not on the platform.
type planFixture struct {
	*fixture
	police     assessment.Organisation
	policeUser assessment.User
}

func newPlanFixture(t testing.TB) *planFixture {
	f := &planFixture{fixture: newFixture(t)}
	f.police = f.app.org("Demoland Police", "XD")
	f.policeUser = f.user("police@example.org", false)
	f.member(f.policeUser, f.police, assessment.RoleCoordinator)
	return f
}

// actionBody is a valid action owned by the police.
func (f *planFixture) actionBody(title string) map[string]any {
	return map[string]any{"capability": "leadership", "title": title, "description": "Draft and adopt the national strategy.",
		"indicators": []string{f.fw.Capability("leadership").Indicators[0].Key}, "owner_organisation_id": f.police.ID,
		"contact": "Inspector Rahman", "start_date": "2026-01-15", "due_date": "2026-09-30", "budget_amount": 125000.5,
		"currency": "EUR", "funding": "donor", "status": "planned", "status_note": ""}
}

// createAction creates an action by API as the coordinator and returns its id.
func (f *planFixture) createAction(a assessment.Assessment, body map[string]any) int64 {
	f.t.Helper()
	res := f.api(f.token(f.coordinator), "POST", fmt.Sprintf("/api/v1/assessments/%d/actions", a.ID), body)
	if res.Status != 201 {
		f.t.Fatalf("create action: %d %s", res.Status, res.Raw)
	}
	return int64(res.Body["id"].(float64))
}

func with(body map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range body {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

func storeAuditFilter(assessmentID int64, prefix string) store.AuditFilter {
	return store.AuditFilter{AssessmentID: assessmentID, ActionPrefix: prefix}
}
