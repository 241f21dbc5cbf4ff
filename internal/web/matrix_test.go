package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// The authorization matrix: every registered route × every kind of caller
// × an object of the caller's organisation and one of another organisation.
// A route without an entry in the table fails the test, so a new route
// cannot ship without its access decided here.

// who is the kind of caller.
type who string

const (
	anon        who = "anonymous"
	owner       who = "owner"
	coordinator who = "coordinator"
	contributor who = "contributor"
	reviewer    who = "reviewer"
	viewer      who = "viewer"
	admin       who = "admin-not-member"
	outsider    who = "member-of-other-org"
)

var callers = []who{anon, owner, coordinator, contributor, reviewer, viewer, admin, outsider}

// rel is how a caller stands towards the object's organisation: "own"
// objects belong to the fixture's organisation, "other" ones to the
// outsider's, where the outsider is owner.
type rel struct {
	who   who
	own   bool
	anon  bool
	admin bool
	role  assessment.Role // "" when not a member of the object's organisation
}

func relation(w who, own bool) rel {
	r := rel{who: w, own: own, anon: w == anon, admin: w == admin}
	switch {
	case w == outsider && !own:
		r.role = assessment.RoleOwner
	case own && w != anon && w != admin && w != outsider:
		r.role = assessment.Role(w)
	}
	return r
}

// needSignIn stands for the answer to an anonymous caller on a signed-in route:
// 303 to the sign-in page for HTML, 401 for the API.
const needSignIn = -1

type rule func(r rel) int

// anyone: public routes answer the same to everybody.
func anyone(status int) rule { return func(rel) int { return status } }

// signedIn: every signed-in caller gets status.
func signedIn(status int) rule {
	return func(r rel) int {
		if r.anon {
			return needSignIn
		}
		return status
	}
}

// members: members with one of roles get ok, other members 403, and
// everyone outside the organisation (administrators included) 404.
func members(ok int, roles ...assessment.Role) rule {
	return func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case r.role == "":
			return http.StatusNotFound
		}
		for _, x := range roles {
			if r.role == x {
				return ok
			}
		}
		return http.StatusForbidden
	}
}

var anyRole = assessment.Roles

// orgManagers: owners and platform administrators get ok, other members
// 403, non-members 404.
func orgManagers(ok int) rule {
	return func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case r.admin || r.role == assessment.RoleOwner:
			return ok
		case r.role != "":
			return http.StatusForbidden
		}
		return http.StatusNotFound
	}
}

// orgOwners: only owners get ok; administrators, who see the organisation,
// and other members 403; non-members 404. Administrators do not decide
// who belongs to an organisation (its owners do).
func orgOwners(ok int) rule {
	return func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case r.role == assessment.RoleOwner:
			return ok
		case r.role != "" || r.admin:
			return http.StatusForbidden
		}
		return http.StatusNotFound
	}
}

// orgVisible: like members, but administrators see the organisation and get
// 403 instead of 404.
func orgVisible(ok int, roles ...assessment.Role) rule {
	m := members(ok, roles...)
	return func(r rel) int {
		if r.admin {
			return http.StatusForbidden
		}
		return m(r)
	}
}

// adminOnly: platform administrators get ok, everyone else 403.
func adminOnly(ok int) rule {
	return func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case r.admin:
			return ok
		}
		return http.StatusForbidden
	}
}

// ownOnly: the caller's own object gives ok, anyone else's is not found.
func ownOnly(ok int) rule {
	return func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case r.own:
			return ok
		}
		return http.StatusNotFound
	}
}

// entry is one route's row: the rule, and the request body a caller allowed
// to act would send (so "allowed" shows as success, not as 422).
type entry struct {
	rule   rule
	form   func(m *matrix, r rel) url.Values // HTML forms
	json   func(m *matrix, r rel) string     // API bodies
	fresh  bool                              // success changes what later callers see: one fixture per caller
	scoped bool                              // the body names the organisation: try own and other
}

// createAssessment: the existing rule for starting an assessment in an
// organisation named in the body: owners and coordinators create; other
// members and administrators are refused; for anyone else the organisation
// does not exist (422 naming the field, as the form reports it).
func createAssessment(ok int) rule {
	return func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case r.role == assessment.RoleOwner || r.role == assessment.RoleCoordinator:
			return ok
		case r.role != "" || r.admin:
			return http.StatusForbidden
		}
		return http.StatusUnprocessableEntity
	}
}

// contributionReaders read every contribution to an assessment and its
// consolidation.
var contributionReaders = []assessment.Role{assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer}

// agencyMember: the outsider owns the agency asked to contribute to the own
// assessment.
func agencyMember(r rel) bool { return r.own && r.who == outsider }

func contributionReader(r rel) bool {
	for _, x := range contributionReaders {
		if r.role == x {
			return true
		}
	}
	return agencyMember(r)
}

// contributionView: the agency's members and the assessment's readers of
// contributions see one; for anyone else it does not exist.
func contributionView(ok int) rule {
	return func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case contributionReader(r):
			return ok
		}
		return http.StatusNotFound
	}
}

// contributionEdit: only the agency's members answer it; its readers are
// refused (403); anyone else gets 404.
func contributionEdit(ok int) rule {
	return func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case agencyMember(r):
			return ok
		case contributionReader(r):
			return http.StatusForbidden
		}
		return http.StatusNotFound
	}
}

// createAssessmentForm: as createAssessment, except that the form comes
// back (422) only to those who may start assessments somewhere; anyone else
// is told they need the role (403).
func createAssessmentForm(r rel) int {
	switch {
	case r.anon:
		return needSignIn
	case r.role == assessment.RoleOwner || r.role == assessment.RoleCoordinator:
		return http.StatusSeeOther
	case r.role != "" || r.admin:
		return http.StatusForbidden
	case r.who == owner || r.who == coordinator || r.who == outsider:
		return http.StatusUnprocessableEntity
	}
	return http.StatusForbidden
}

var table = map[string]entry{
	"GET /healthz":     {rule: anyone(200)},
	"GET /readyz":      {rule: anyone(200)},
	"GET /admin/erase": {rule: adminOnly(200)},
	"POST /admin/erase": {rule: adminOnly(422), form: func(*matrix, rel) url.Values {
		return url.Values{"email": {"nobody@nowhere.example.org"}, "confirm": {"nobody@nowhere.example.org"}}
	}},
	"GET /static/:file": {rule: anyone(200)},
	"GET /login":        {rule: func(r rel) int { return map[bool]int{true: 200, false: 303}[r.anon] }},
	"POST /login": {rule: anyone(401), form: func(m *matrix, r rel) url.Values {
		return url.Values{"email": {string(r.who) + "@nowhere.example.org"}, "password": {"wrong password"}}
	}},
	"POST /logout":       {rule: signedIn(303)},
	"POST /language":     {rule: anyone(303), form: func(*matrix, rel) url.Values { return url.Values{"lang": {"fr"}, "next": {"/"}} }},
	"GET /":              {rule: signedIn(200)},
	"GET /organisations": {rule: signedIn(200)},
	"POST /organisations": {rule: adminOnly(303), form: func(*matrix, rel) url.Values {
		return url.Values{"name": {"New body"}, "kind": {"ngo"}, "country": {"XB"}}
	}},
	"GET /assessments/new": {rule: func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case r.who == owner || r.who == coordinator || r.who == outsider:
			return 200
		}
		return 403
	}},
	"POST /assessments": {rule: createAssessmentForm, scoped: true, form: func(m *matrix, r rel) url.Values {
		return url.Values{"organisation_id": {fmt.Sprint(m.orgID(r.own))}, "title": {"Second"}, "period": {"2027"}, "coverage": {"all"}}
	}},
	"GET /assessments/:id":                   {rule: members(200, anyRole...)},
	"GET /assessments/:id/capabilities/:key": {rule: members(200, anyRole...)},
	"POST /assessments/:id/capabilities/:key": {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor),
		form: func(*matrix, rel) url.Values { return url.Values{} }},
	"POST /assessments/:id/indicators/:key": {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor), fresh: true,
		form: func(m *matrix, r rel) url.Values {
			return url.Values{"answer." + m.indicator: {"yes"}, "version." + m.indicator: {"0"}}
		}},
	"POST /assessments/:id/assignments": {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator),
		form: func(m *matrix, r rel) url.Values {
			return url.Values{"capability": {"leadership"}, "user": {fmt.Sprint(m.contributorOf(r.own))}, "action": {"assign"}}
		}},

	"GET /account":          {rule: signedIn(200)},
	"POST /account/profile": {rule: signedIn(303), form: func(*matrix, rel) url.Values { return url.Values{"name": {"Renamed"}, "lang": {"es"}} }},
	"POST /account/password": {rule: signedIn(303), form: func(*matrix, rel) url.Values {
		return url.Values{"current_password": {testPassword}, "new_password": {"another long passphrase"}, "new_password_confirm": {"another long passphrase"}}
	}},
	"GET /account/sessions":           {rule: signedIn(200)},
	"POST /account/sessions/end-all":  {rule: signedIn(303)},
	"GET /account/tokens":             {rule: signedIn(200)},
	"POST /account/tokens":            {rule: signedIn(200), form: func(*matrix, rel) url.Values { return url.Values{"name": {"ci"}, "days": {"30"}} }},
	"POST /account/tokens/:id/revoke": {rule: ownOnly(303)},

	"GET /organisations/:id/members":              {rule: orgManagers(200)},
	"POST /organisations/:id/members/:uid/role":   {rule: orgOwners(303), form: func(*matrix, rel) url.Values { return url.Values{"role": {"reviewer"}} }},
	"POST /organisations/:id/members/:uid/remove": {rule: orgOwners(303), fresh: true},
	"POST /organisations/:id/invitations": {rule: orgOwners(200), form: func(*matrix, rel) url.Values {
		return url.Values{"email": {"someone.new@example.org"}, "role": {"viewer"}}
	}},
	"POST /organisations/:id/invitations/:inv/revoke": {rule: orgManagers(303), fresh: true},
	"GET /organisations/:id/activity":                 {rule: orgVisible(200, assessment.RoleOwner, assessment.RoleCoordinator)},
	"POST /users/:id/password-reset": {rule: func(r rel) int {
		switch {
		case r.anon:
			return needSignIn
		case r.admin: // allowed, but this server sends no mail: no link is made
			return http.StatusConflict
		case r.role != "": // shares an organisation with the user: visible, not allowed
			return 403
		}
		return 404
	}},
	// One-time links: "own" is a live link, "other" an unknown one. The live
	// invitation is for an email nobody has, so a signed-in caller is the
	// wrong account (403) and an anonymous one gets the account form back
	// (422 for an empty form).
	"GET /invitations/:token": {rule: func(r rel) int { return map[bool]int{true: 200, false: 404}[r.own] }},
	"POST /invitations/:token": {rule: func(r rel) int {
		switch {
		case !r.own:
			return 404
		case r.anon:
			return 422
		}
		return 403
	}},
	"GET /password-reset":         {rule: anyone(200)},
	"POST /password-reset":        {rule: anyone(200), form: func(m *matrix, r rel) url.Values { return url.Values{"email": {m.viewer.Email}} }},
	"GET /password-reset/:token":  {rule: func(r rel) int { return map[bool]int{true: 200, false: 404}[r.own] }},
	"POST /password-reset/:token": {rule: func(r rel) int { return map[bool]int{true: 422, false: 404}[r.own] }},

	// Reports and exports: any member reads them.
	"GET /assessments/:id/report":             {rule: members(200, anyRole...)},
	"GET /assessments/:id/export.csv":         {rule: members(200, anyRole...)},
	"GET /assessments/:id/export.xlsx":        {rule: members(200, anyRole...)},
	"GET /assessments/:id/export.json":        {rule: members(200, anyRole...)},
	"GET /api/v1/assessments/:id/export.csv":  {rule: members(200, anyRole...)},
	"GET /api/v1/assessments/:id/export.xlsx": {rule: members(200, anyRole...)},
	"GET /api/v1/assessments/:id/export.json": {rule: members(200, anyRole...)},
	"GET /api/v1/assessments/:id/report":      {rule: members(200, anyRole...)},

	// Without Chromium (as here) PDF exports answer 404 to everyone; who may
	// export is the same handler as the other formats above.
	"GET /assessments/:id/export.pdf":        {rule: signedIn(404)},
	"GET /api/v1/assessments/:id/export.pdf": {rule: signedIn(404)},

	// The report's print header and footer, and its confidentiality
	// marking: any member reads; owners and coordinators set the marking.
	"GET /assessments/:id/report/print.css": {rule: members(200, anyRole...)},
	"POST /assessments/:id/marking": {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator), form: func(*matrix, rel) url.Values {
		return url.Values{"marking": {"internal"}, "previous_marking": {"internal"}}
	}},
	"PUT /api/v1/assessments/:id/marking": {rule: members(200, assessment.RoleOwner, assessment.RoleCoordinator), json: func(*matrix, rel) string {
		return `{"marking":"internal","previous_marking":"internal"}`
	}},

	// Evidence files: any member downloads the bundle. An upload without a
	// file is refused as bad input (422) only to those who may upload there:
	// the policy answers first (403 for readers, 404 for strangers), so the
	// body reveals nothing; a file id that names no file is 404 to everyone.
	// Who may upload, read and remove real files is tested in evidence_test.go.
	"GET /assessments/:id/evidence.zip":                    {rule: members(200, anyRole...)},
	"GET /api/v1/assessments/:id/evidence.zip":             {rule: members(200, anyRole...)},
	"POST /assessments/:id/indicators/:key/files":          {rule: members(422, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor)},
	"POST /api/v1/assessments/:id/indicators/:key/files":   {rule: members(422, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor)},
	"POST /contributions/:id/indicators/:key/files":        {rule: contributionEdit(422)},
	"POST /api/v1/contributions/:id/indicators/:key/files": {rule: contributionEdit(422)},
	"GET /files/:id":           {rule: signedIn(404)},
	"GET /api/v1/files/:id":    {rule: signedIn(404)},
	"PUT /api/v1/files/:id":    {rule: signedIn(404)},
	"DELETE /api/v1/files/:id": {rule: signedIn(404)},
	"POST /files/:id/remove":   {rule: signedIn(404)},
	"POST /files/:id/replace":  {rule: signedIn(404)},

	// Offline workbooks and the printable questionnaire: any member (any
	// reader of a contribution) downloads and prints; those who may answer
	// upload (422 here: no file). Without Chromium the PDF is 404.
	"GET /assessments/:id/workbook.xlsx":          {rule: members(200, anyRole...)},
	"GET /api/v1/assessments/:id/workbook.xlsx":   {rule: members(200, anyRole...)},
	"GET /assessments/:id/workbook":               {rule: members(200, anyRole...)},
	"GET /assessments/:id/questionnaire":          {rule: members(200, anyRole...)},
	"GET /assessments/:id/questionnaire.pdf":      {rule: signedIn(404)},
	"POST /assessments/:id/workbook":              {rule: members(422, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor)},
	"POST /api/v1/assessments/:id/workbook":       {rule: members(422, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor)},
	"GET /contributions/:id/workbook.xlsx":        {rule: contributionView(200)},
	"GET /api/v1/contributions/:id/workbook.xlsx": {rule: contributionView(200)},
	"GET /contributions/:id/workbook":             {rule: contributionView(200)},
	"GET /contributions/:id/questionnaire":        {rule: contributionView(200)},
	"GET /contributions/:id/questionnaire.pdf":    {rule: signedIn(404)},
	"POST /contributions/:id/workbook":            {rule: contributionEdit(422)},
	"POST /api/v1/contributions/:id/workbook":     {rule: contributionEdit(422)},

	// Contributions, consolidation and notifications.
	"GET /assessments/:id/contributions": {rule: members(200, contributionReaders...)},
	"POST /assessments/:id/contributions": {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator), fresh: true,
		form: func(m *matrix, r rel) url.Values {
			return url.Values{"organisation_id": {fmt.Sprint(m.agencyToAsk(r.own))}, "capabilities": {"leadership"}}
		}},
	"GET /contributions/:id":                    {rule: contributionView(200)},
	"POST /contributions/:id/submit":            {rule: contributionEdit(409)}, // allowed, but nothing is answered yet
	"GET /contributions/:id/capabilities/:key":  {rule: contributionView(200)},
	"POST /contributions/:id/capabilities/:key": {rule: contributionEdit(303)},
	"POST /contributions/:id/indicators/:key": {rule: contributionEdit(303),
		form: func(m *matrix, r rel) url.Values {
			return url.Values{"answer." + m.indicator: {"yes"}, "version." + m.indicator: {"0"}}
		}},
	"GET /assessments/:id/consolidation":      {rule: members(200, contributionReaders...)},
	"GET /assessments/:id/consolidation/:key": {rule: members(200, contributionReaders...)},
	"POST /assessments/:id/consolidation/:key/adopt": {rule: members(409, assessment.RoleOwner, assessment.RoleCoordinator),
		form: func(m *matrix, r rel) url.Values {
			return url.Values{"indicator": {m.indicator}, "contribution_id": {fmt.Sprint(m.contributionOf(r.own))}, "version": {"0"}}
		}},
	// Nothing is unanimous in the matrix's data: allowed callers get the 409.
	"POST /assessments/:id/consolidation/:key/adopt-agreed": {rule: members(409, assessment.RoleOwner, assessment.RoleCoordinator),
		form: func(m *matrix, r rel) url.Values { return url.Values{"version." + m.indicator: {"0"}} }},
	"POST /assessments/:id/consolidation/:key/decide": {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator), fresh: true,
		form: func(m *matrix, r rel) url.Values {
			return url.Values{"indicator": {m.indicator}, "answer": {"yes"}, "reason": {"Agreed at the national meeting"}, "version": {"0"}}
		}},
	"GET /notifications":                        {rule: signedIn(200)},
	"POST /notifications/read":                  {rule: signedIn(303)},
	"GET /api/v1/assessments/:id/contributions": {rule: members(200, contributionReaders...)},
	"POST /api/v1/assessments/:id/contributions": {rule: members(201, assessment.RoleOwner, assessment.RoleCoordinator), fresh: true,
		json: func(m *matrix, r rel) string {
			return fmt.Sprintf(`{"organisation_id":%d,"capabilities":["leadership"]}`, m.agencyToAsk(r.own))
		}},
	"GET /api/v1/contributions/:id": {rule: contributionView(200)},
	"PUT /api/v1/contributions/:id/indicators/:key": {rule: contributionEdit(200),
		json: func(*matrix, rel) string { return `{"answer":"yes","version":0}` }},
	"POST /api/v1/contributions/:id/submit":     {rule: contributionEdit(409)},
	"GET /api/v1/assessments/:id/consolidation": {rule: members(200, contributionReaders...)},
	"POST /api/v1/assessments/:id/consolidation/:key": {rule: members(200, assessment.RoleOwner, assessment.RoleCoordinator), fresh: true,
		json: func(*matrix, rel) string {
			return `{"answer":"yes","reason":"Agreed at the national meeting","version":0}`
		}},
	"POST /api/v1/assessments/:id/capabilities/:key/adopt-agreed": {rule: members(409, assessment.RoleOwner, assessment.RoleCoordinator),
		json: func(m *matrix, r rel) string { return fmt.Sprintf(`{"versions":{%q:0}}`, m.indicator) }},
	"GET /api/v1/notifications":       {rule: signedIn(200)},
	"POST /api/v1/notifications/read": {rule: signedIn(200)},

	"GET /api/v1/framework":     {rule: signedIn(200)},
	"GET /framework":            {rule: signedIn(200)}, // the framework reference page (enablers)
	"GET /api/v1/organisations": {rule: signedIn(200)},
	"POST /api/v1/organisations": {rule: adminOnly(201), json: func(*matrix, rel) string {
		return `{"name":"API body","kind":"ngo","country":"XC"}`
	}},
	"GET /api/v1/assessments": {rule: signedIn(200)},
	"POST /api/v1/assessments": {rule: createAssessment(201), scoped: true, json: func(m *matrix, r rel) string {
		return fmt.Sprintf(`{"organisation_id":%d,"title":"By API","period":"2027"}`, m.orgID(r.own))
	}},
	"GET /api/v1/assessments/:id": {rule: members(200, anyRole...)},
	"PUT /api/v1/assessments/:id/indicators/:key": {rule: members(200, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor), fresh: true,
		json: func(*matrix, rel) string { return `{"answer":"yes","version":0}` }},
	"PUT /api/v1/assessments/:id/capabilities/:key": {rule: members(200, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor), fresh: true,
		json: func(*matrix, rel) string { return `{"target_phase":3,"version":0}` }},

	// Review workflow, cycles, progress and partners. The fixture's
	// assessment is a draft: submitting succeeds, and starting a next cycle
	// gets allowed callers past the policy to the 409 "not approved".
	"GET /assessments/:id/review": {rule: members(200, anyRole...)},
	"POST /assessments/:id/transitions": {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator), fresh: true,
		form: func(*matrix, rel) url.Values { return url.Values{"action": {"submit"}} }},
	"POST /assessments/:id/comments":  {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer, assessment.RoleContributor), form: commentForm},
	"POST /comments/:id/resolve":      {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer)},
	"GET /assessments/:id/next-cycle": {rule: members(200, assessment.RoleOwner, assessment.RoleCoordinator)},
	"POST /assessments/:id/next-cycle": {rule: members(409, assessment.RoleOwner, assessment.RoleCoordinator),
		form: func(*matrix, rel) url.Values { return url.Values{"title": {"Next"}, "period": {"2027"}} }},
	"POST /assessments/:id/capabilities/:key/confirm": {rule: members(303, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor)},
	"GET /organisations/:id/progress":                 {rule: orgVisible(200, anyRole...)},
	"GET /organisations/:id/sharing":                  {rule: orgVisible(200, assessment.RoleOwner)},
	"POST /organisations/:id/sharing": {rule: orgVisible(303, assessment.RoleOwner),
		form: func(m *matrix, r rel) url.Values {
			return url.Values{"partner": {m.partnerName(r.own)}, "assessment_id": {"0"}}
		}},
	"POST /organisations/:id/sharing/:sid/revoke": {rule: orgVisible(303, assessment.RoleOwner)},
	"POST /organisations/:id/sharing/partner-requests": {rule: orgVisible(303, assessment.RoleOwner),
		form: func(*matrix, rel) url.Values { return url.Values{"accepts": {"true"}} }},
	"GET /partner": {rule: partnerView},
	"POST /api/v1/assessments/:id/transitions": {rule: members(200, assessment.RoleOwner, assessment.RoleCoordinator), fresh: true,
		json: func(*matrix, rel) string { return `{"action":"submit"}` }},
	"GET /api/v1/assessments/:id/comments": {rule: members(200, anyRole...)},
	"POST /api/v1/assessments/:id/comments": {rule: members(201, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer, assessment.RoleContributor),
		json: func(*matrix, rel) string { return `{"capability":"leadership","body":"A review remark"}` }},
	"POST /api/v1/comments/:id/resolve": {rule: members(200, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer)},
	"POST /api/v1/assessments/:id/next-cycle": {rule: members(409, assessment.RoleOwner, assessment.RoleCoordinator),
		json: func(*matrix, rel) string { return `{"title":"Next","period":"2027"}` }},
	"POST /api/v1/assessments/:id/capabilities/:key/confirm": {rule: members(200, assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleContributor),
		json: func(*matrix, rel) string { return `{}` }},
	"GET /api/v1/organisations/:id/progress": {rule: orgVisible(200, anyRole...)},
	"GET /api/v1/organisations/:id/shares":   {rule: orgVisible(200, assessment.RoleOwner)},
	"POST /api/v1/organisations/:id/shares": {rule: orgVisible(201, assessment.RoleOwner),
		json: func(m *matrix, r rel) string { return fmt.Sprintf(`{"partner_name":%q}`, m.partnerName(r.own)) }},
	"DELETE /api/v1/shares/:id":     {rule: members(200, assessment.RoleOwner)},
	"GET /api/v1/partner/dashboard": {rule: partnerView},
}

// matrix is a cast with everything a route's parameters may name. Casts
// share one server (building one is slow) and differ by email prefix; each
// request comes from its own address, so no rate limit carries over.
type matrix struct {
	*fixture
	otherViewer   assessment.User // a non-owner member of the other organisation
	indicator     string
	asset         string
	browsers      map[who]*browser
	tokens        map[who]string
	tokenIDs      map[who]int64
	strangerToken int64
	invitation    string // live invitation link secret, own organisation
	invID         int64
	otherInvID    int64
	reset         string // live password reset secret

	// Contributions: the outsider also owns an agency of the own
	// organisation's country, asked to contribute to the own assessment: it
	// sees that contribution and nothing else of the assessment. Each side
	// has a second agency, not yet asked, for the invitation forms.
	agency                          assessment.Organisation
	contribution, otherContribution int64
	newAgency, otherNewAgency       int64
}

var castSeq, ipSeq atomic.Int64

// nextIP is a new client address in 198.18.0.0/15 (for tests, RFC 2544):
// not a private range, which a trusted proxy's header would skip.
func nextIP() string {
	n := ipSeq.Add(1)
	return fmt.Sprintf("198.%d.%d.%d", 18+n>>16&1, n>>8&255, n&255)
}

func (m *matrix) orgID(own bool) int64 {
	if own {
		return m.org.ID
	}
	return m.other.ID
}

func (m *matrix) agencyToAsk(own bool) int64 {
	if own {
		return m.newAgency
	}
	return m.otherNewAgency
}

func (m *matrix) contributionOf(own bool) int64 {
	if own {
		return m.contribution
	}
	return m.otherContribution
}

func (m *matrix) contributorOf(own bool) int64 {
	if own {
		return m.contributor.ID
	}
	return m.otherViewer.ID
}

func (m *matrix) user(w who) assessment.User {
	return map[who]assessment.User{owner: m.owner, coordinator: m.coordinator, contributor: m.contributor,
		reviewer: m.reviewer, viewer: m.viewer, admin: m.admin, outsider: m.outsider}[w]
}

// newMatrix casts a fresh set of people and objects on the shared server.
func newMatrix(t testing.TB, shared *app) *matrix {
	t.Helper()
	a := *shared
	a.t = t // failures belong to the test that casts
	prefix := fmt.Sprintf("m%d.", castSeq.Add(1))
	f := castFixture(t, &a, prefix)
	m := &matrix{fixture: f, browsers: map[who]*browser{}, tokens: map[who]string{}, tokenIDs: map[who]int64{}}
	ctx := context.Background()
	m.otherViewer = f.user(prefix+"other.viewer@example.org", false)
	f.member(m.otherViewer, f.other, assessment.RoleContributor)
	m.indicator = f.fw.Capability("leadership").Indicators[0].Key
	for _, w := range callers[1:] {
		m.browsers[w] = f.session(m.user(w))
		tok, hash := auth.NewToken()
		t0, err := f.db.CreateToken(ctx, assessment.System, assessment.Token{UserID: m.user(w).ID, Name: "matrix", Hash: hash, ExpiresAt: time.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		m.tokens[w], m.tokenIDs[w] = tok, t0.ID
	}
	m.browsers[anon] = f.browser()
	_, doc := m.browsers[anon].get("/login")
	href, _ := doc.Find(`link[rel=stylesheet]`).First().Attr("href")
	m.asset = strings.TrimPrefix(href, "/static/")
	_, hash := auth.NewToken()
	st, err := f.db.CreateToken(ctx, assessment.System, assessment.Token{UserID: m.otherViewer.ID, Name: "stranger", Hash: hash, ExpiresAt: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	m.strangerToken = st.ID
	m.invitation = strings.TrimPrefix(f.invite(f.org, prefix+"invitee@example.org", assessment.RoleViewer), "/invitations/")
	f.invite(f.other, prefix+"other.invitee@example.org", assessment.RoleViewer)
	for _, o := range []assessment.Organisation{f.org, f.other} {
		invs, err := f.db.Invitations(ctx, o.ID)
		if err != nil || len(invs) != 1 {
			t.Fatalf("invitations of %d: %v %v", o.ID, invs, err)
		}
		if o.ID == f.org.ID {
			m.invID = invs[0].ID
		} else {
			m.otherInvID = invs[0].ID
		}
	}
	m.reset = auth.NewSecret(32)
	if _, err := f.db.CreatePasswordReset(ctx, assessment.System, assessment.PasswordReset{UserID: f.reviewer.ID, Hash: auth.HashToken(m.reset), ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	// Both organisations accept partner requests, so a share between them
	// is decided by the sharing rights alone.
	for _, o := range []assessment.Organisation{f.org, f.other} {
		if _, err := f.db.SetAcceptsPartnerRequests(ctx, assessment.System, o.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	m.castContributions(t)
	return m
}

// castContributions asks an agency on each side to contribute.
func (m *matrix) castContributions(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	m.agency = m.app.org("Demoland Police", m.org.Country)
	m.member(m.outsider, m.agency, assessment.RoleOwner)
	otherAgency := m.app.org("Agence partenaire", m.other.Country)
	m.newAgency, m.otherNewAgency = m.app.org("Demoland Hotline", m.org.Country).ID, m.app.org("Ligne d'écoute", m.other.Country).ID
	for _, c := range []struct {
		a      assessment.Assessment
		agency int64
		id     *int64
	}{{m.assess, m.agency.ID, &m.contribution}, {m.otherAssess, otherAgency.ID, &m.otherContribution}} {
		cn, _, err := m.db.CreateContribution(ctx, assessment.System, m.fw, assessment.Contribution{AssessmentID: c.a.ID, OrganisationID: c.agency,
			Status: assessment.ContributionInvited, Capabilities: []string{"leadership"}}, assessment.ContributionAskedNotices)
		if err != nil {
			t.Fatal(err)
		}
		*c.id = cn.ID
	}
}

// path fills a route's parameters with the cast's ids.
func (m *matrix) path(t testing.TB, route string, r rel) string {
	t.Helper()
	parts := strings.Split(route, "/")
	for i, p := range parts {
		if !strings.HasPrefix(p, ":") {
			continue
		}
		prev := parts[i-1]
		var v string
		switch {
		case p == ":id" && prev == "assessments":
			v = fmt.Sprint(map[bool]int64{true: m.assess.ID, false: m.otherAssess.ID}[r.own])
		case p == ":id" && prev == "organisations":
			v = fmt.Sprint(m.orgID(r.own))
		case p == ":id" && prev == "users", p == ":uid":
			v = fmt.Sprint(map[bool]int64{true: m.viewer.ID, false: m.otherViewer.ID}[r.own])
		case p == ":id" && prev == "tokens":
			v = fmt.Sprint(m.strangerToken)
			if r.own && !r.anon {
				v = fmt.Sprint(m.tokenIDs[r.who])
			}
		case p == ":id" && prev == "comments":
			v = fmt.Sprint(m.commentOf(t, r.own))
		case p == ":id" && prev == "shares", p == ":sid":
			v = fmt.Sprint(m.shareOf(t, r.own))
		case p == ":inv":
			v = fmt.Sprint(map[bool]int64{true: m.invID, false: m.otherInvID}[r.own])
		case p == ":key" && prev == "capabilities":
			v = "leadership"
		case p == ":key" && prev == "indicators":
			v = m.indicator
		case p == ":token" && prev == "invitations":
			v = map[bool]string{true: m.invitation, false: "unknown-link"}[r.own]
		case p == ":token" && prev == "password-reset":
			v = map[bool]string{true: m.reset, false: "unknown-link"}[r.own]
		case p == ":file":
			v = m.asset
		case p == ":id" && prev == "files":
			v = "999999" // names no file: 404 to everyone (evidence_test.go covers real files)
		case p == ":id" && prev == "actions":
			v = fmt.Sprint(m.actionOf(t, r.own))
		case p == ":id" && prev == "contributions":
			v = fmt.Sprint(map[bool]int64{true: m.contribution, false: m.otherContribution}[r.own])
		case p == ":key" && prev == "consolidation" && strings.HasPrefix(route, "/api/"):
			v = m.indicator // the API consolidates one indicator
		case p == ":key" && prev == "consolidation":
			v = "leadership"
		default:
			t.Fatalf("route %s: no fixture value for %s after /%s/; add one to matrix.path", route, p, prev)
		}
		parts[i] = v
	}
	return strings.Join(parts, "/")
}

// call makes the request as the caller, from an address of its own, and
// returns the status and Location.
func (m *matrix) call(t testing.TB, method, route string, e entry, r rel) (int, string) {
	t.Helper()
	path := m.path(t, route, r)
	ip := http.Header{"X-Forwarded-For": {nextIP()}}
	if strings.HasPrefix(route, "/api/") {
		var body io.Reader
		if e.json != nil {
			body = strings.NewReader(e.json(m, r))
		}
		req, _ := http.NewRequest(method, m.ts.URL+path, body)
		req.Header = ip
		req.Header.Set("Content-Type", "application/json")
		if r.who != anon {
			req.Header.Set("Authorization", "Bearer "+m.tokens[r.who])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode, ""
	}
	b := m.browsers[r.who]
	form := url.Values{}
	if e.form != nil {
		form = e.form(m, r)
	}
	if method != http.MethodGet {
		form.Set("_csrf", b.csrf)
	}
	res, _ := b.do(method, path, form, ip)
	return res.StatusCode, res.Header.Get("Location")
}

func TestAuthorizationMatrix(t *testing.T) {
	shared := newApp(t, func(c *web.Config) { c.TrustProxy = true })
	var keys []string
	seen := map[string]bool{}
	for _, rt := range shared.srv.Routes() {
		k := rt.Method + " " + rt.Path
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var missing []string
	for _, k := range keys {
		if _, ok := table[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		t.Fatalf("routes without an entry in the authorization matrix (decide who may call them, then add them to table):\n  %s", strings.Join(missing, "\n  "))
	}
	for k := range table {
		if !seen[k] {
			t.Errorf("table entry %q matches no registered route", k)
		}
	}
	common := newMatrix(t, shared) // for requests that change nothing
	for _, k := range keys {
		method, route, _ := strings.Cut(k, " ")
		e := table[k]
		scopes := []bool{true}
		if strings.Contains(route, ":") || e.scoped {
			scopes = []bool{true, false}
		}
		for _, own := range scopes {
			t.Run(k+map[bool]string{true: " own", false: " other"}[own], func(t *testing.T) {
				t.Parallel()
				m := common
				if method != http.MethodGet {
					m = newMatrix(t, shared)
				}
				for i, w := range callers {
					if e.fresh && i > 0 {
						m = newMatrix(t, shared)
					}
					r := relation(w, own)
					want := e.rule(r)
					got, loc := m.call(t, method, route, e, r)
					ok := got == want
					if want == needSignIn {
						if strings.HasPrefix(route, "/api/") {
							ok, want = got == http.StatusUnauthorized, http.StatusUnauthorized
						} else {
							ok, want = got == http.StatusSeeOther && strings.HasPrefix(loc, "/login?next="), http.StatusSeeOther
						}
					}
					if !ok {
						t.Errorf("%-20s got %d, want %d %s", w, got, want, loc)
					}
				}
			})
		}
	}
}
