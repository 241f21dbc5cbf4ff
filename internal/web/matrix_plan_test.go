package web_test

import (
	"context"
	"fmt"
	"net/url"

	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// The action plan's rows of the authorization matrix. Owners and
// coordinators plan; other members read; the own assessment's action is
// owned by the agency the outsider owns, so the outsider, a stranger to
// the assessment, reads that action and updates its status, and nothing
// else (403 where a planner would succeed, 404 for the plan itself).

// actionOf adds a fresh action (version 1) to the own or the other
// organisation's assessment: the own one owned by the outsider's agency.
func (m *matrix) actionOf(t testing.TB, own bool) int64 {
	t.Helper()
	a := assessment.PlanAction{AssessmentID: m.otherAssess.ID, CapabilityKey: "leadership", Title: "Matrix action",
		OwnerName: "Ministry of Finance", Funding: assessment.FundingUnfunded, Status: assessment.ActionPlanned, Indicators: []string{}}
	if own {
		id := m.agency.ID
		a.AssessmentID, a.OwnerOrganisationID, a.OwnerName = m.assess.ID, &id, ""
	}
	saved, err := m.db.CreateAction(context.Background(), assessment.System, a)
	if err != nil {
		t.Fatal(err)
	}
	return saved.ID
}

// actionForm is the action as created, with a new status: what the
// responsible agency may send.
func actionForm(m *matrix, r rel) url.Values {
	v := url.Values{"capability": {"leadership"}, "title": {"Matrix action"}, "funding": {"unfunded"}, "status": {"in_progress"}, "version": {"1"}}
	if r.own {
		v.Set("owner_organisation_id", fmt.Sprint(m.agency.ID))
	} else {
		v.Set("owner_name", "Ministry of Finance")
	}
	return v
}

func actionJSON(m *matrix, r rel) string {
	owner := `"owner_name":"Ministry of Finance"`
	if r.own {
		owner = fmt.Sprintf(`"owner_organisation_id":%d`, m.agency.ID)
	}
	return `{"capability":"leadership","title":"Matrix action","funding":"unfunded","status":"in_progress","version":1,` + owner + `}`
}

// actionRule: members with one of roles get ok, other members 403,
// strangers 404; the responsible agency (the outsider on the own action)
// gets agency.
func actionRule(ok, agency int, roles ...assessment.Role) rule {
	m := members(ok, roles...)
	return func(r rel) int {
		if !r.anon && r.own && r.who == outsider {
			return agency
		}
		return m(r)
	}
}

var planners = []assessment.Role{assessment.RoleOwner, assessment.RoleCoordinator}

func init() {
	newAction := func(*matrix, rel) url.Values {
		return url.Values{"capability": {"leadership"}, "title": {"New action"}, "owner_name": {"Ministry of Finance"}, "funding": {"domestic"}}
	}
	for k, e := range map[string]entry{
		"GET /assessments/:id/plan":           {rule: members(200, anyRole...)},
		"GET /assessments/:id/plan/new":       {rule: members(200, planners...)},
		"POST /assessments/:id/plan":          {rule: members(303, planners...), form: newAction},
		"GET /actions/:id/edit":               {rule: actionRule(200, 403, planners...)},
		"POST /actions/:id":                   {rule: actionRule(303, 303, planners...), form: actionForm},
		"POST /actions/:id/status":            {rule: actionRule(303, 303, planners...), form: func(*matrix, rel) url.Values { return url.Values{"status": {"done"}, "version": {"1"}} }},
		"POST /actions/:id/delete":            {rule: actionRule(303, 403, planners...), form: func(*matrix, rel) url.Values { return url.Values{"version": {"1"}} }},
		"GET /api/v1/assessments/:id/actions": {rule: members(200, anyRole...)},
		"POST /api/v1/assessments/:id/actions": {rule: members(201, planners...), json: func(*matrix, rel) string {
			return `{"capability":"leadership","title":"By API","owner_name":"Ministry of Finance"}`
		}},
		"GET /api/v1/actions/:id":    {rule: actionRule(200, 200, anyRole...)},
		"PUT /api/v1/actions/:id":    {rule: actionRule(200, 200, planners...), json: actionJSON},
		"DELETE /api/v1/actions/:id": {rule: actionRule(422, 403, planners...)}, // allowed callers lack ?version=
		// Upload routes check the policy before the body (as the indicators'
		// do): planners and the responsible agency hear that a request
		// without a multipart body is a 422. Real files: TestEvidenceOnActions.
		"POST /actions/:id/files":        {rule: actionRule(422, 422, planners...), form: func(*matrix, rel) url.Values { return url.Values{} }},
		"POST /api/v1/actions/:id/files": {rule: actionRule(422, 422, planners...), json: func(*matrix, rel) string { return `{}` }},
	} {
		table[k] = e
	}
}
