package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Every text people type is checked before either database sees it: a NUL
// byte or bytes that are not UTF-8 answer 422 with the rule's message
// (naming the field, in the API), never 500, on SQLite and PostgreSQL
// alike, and nothing is stored.
func TestTextFieldsRefuseControlBytesOnBothDatabases(t *testing.T) {
	for name, dsn := range databases(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			a := newAppOn(t, openStore(t, dsn), withMail(newMailbox()))
			f := castFixture(t, a, "")
			approved := a.assessment(f.org, []string{"leadership"})
			if err := a.db.SetStatus(ctx, assessment.System, approved.ID, assessment.StatusApproved); err != nil {
				t.Fatal(err)
			}
			agency := a.org("Police of Demoland", "XD")
			agent := a.user("agent@example.org", false)
			a.member(agent, agency, assessment.RoleContributor)
			contrib, _, err := a.db.CreateContribution(ctx, assessment.System, a.fw, assessment.Contribution{AssessmentID: f.assess.ID, OrganisationID: agency.ID, Capabilities: []string{"leadership"}}, assessment.ContributionAskedNotices)
			if err != nil {
				t.Fatal(err)
			}
			link := a.invite(f.org, "newcomer@example.org", assessment.RoleViewer)
			as := fmt.Sprintf("/assessments/%d", f.assess.ID)
			coordinator, owner, admin := a.session(f.coordinator), a.session(f.owner), a.session(f.admin)
			agentB := a.session(agent)

			forms := []struct {
				who   func() *browser
				path  string
				form  url.Values
				field string   // the form input holding the bad text
				also  []string // inputs that must repeat it
			}{
				{a.browser, "/login", url.Values{"password": {"whatever it is"}}, "email", nil},
				{a.browser, "/password-reset", nil, "email", nil},
				{a.browser, link, url.Values{"lang": {"en"}, "password": {testPassword}, "password_confirm": {testPassword}}, "name", nil},
				{func() *browser { return admin }, "/organisations", url.Values{"kind": {"ngo"}, "country": {"XD"}}, "name", nil},
				{func() *browser { return coordinator }, "/assessments", url.Values{"organisation_id": {fmt.Sprint(f.org.ID)}, "period": {"2026"}}, "title", nil},
				{func() *browser { return coordinator }, "/assessments", url.Values{"organisation_id": {fmt.Sprint(f.org.ID)}, "title": {"T"}}, "period", nil},
				{func() *browser { return coordinator }, as + "/indicators/leadership-1", url.Values{"answer.leadership-1": {"yes"}, "version.leadership-1": {"0"}}, "evidence.leadership-1", nil},
				{func() *browser { return coordinator }, as + "/indicators/leadership-1", url.Values{"answer.leadership-1": {"yes"}, "version.leadership-1": {"0"}}, "note.leadership-1", nil},
				{func() *browser { return coordinator }, as + "/indicators/leadership-1", url.Values{"answer.leadership-1": {"yes"}, "version.leadership-1": {"0"}}, "links.leadership-1", nil},
				{func() *browser { return coordinator }, as + "/capabilities/leadership", url.Values{"cap_version": {"0"}, "confirmed_phase": {"0"}}, "justification", nil},
				{func() *browser { return coordinator }, as + "/capabilities/leadership", url.Values{"cap_version": {"0"}}, "lead", nil},
				{func() *browser { return coordinator }, as + "/comments", nil, "body", nil},
				{func() *browser { return coordinator }, as + "/transitions", url.Values{"action": {"submit"}}, "text", nil},
				{func() *browser { return coordinator }, as + "/consolidation/leadership/decide", url.Values{"indicator": {"leadership-1"}, "answer": {"yes"}, "version": {"0"}}, "reason", nil},
				{func() *browser { return coordinator }, fmt.Sprintf("/assessments/%d/next-cycle", approved.ID), url.Values{"period": {"2027"}}, "title", nil},
				{func() *browser { return owner }, "/account/profile", url.Values{"lang": {"en"}}, "name", nil},
				{func() *browser { return owner }, "/account/tokens", url.Values{"days": {"30"}}, "name", nil},
				{func() *browser { return owner }, fmt.Sprintf("/organisations/%d/invitations", f.org.ID), url.Values{"role": {"viewer"}}, "email", nil},
				{func() *browser { return owner }, fmt.Sprintf("/organisations/%d/sharing", f.org.ID), nil, "partner", nil},
				{func() *browser { return agentB }, fmt.Sprintf("/contributions/%d/indicators/leadership-1", contrib.ID), url.Values{"answer.leadership-1": {"yes"}, "version.leadership-1": {"0"}}, "evidence.leadership-1", nil},
				{func() *browser { return admin }, "/admin/erase", nil, "email", []string{"confirm"}},
			}
			bad := map[string]string{"a NUL byte": "Bad\x00text", "bytes that are not UTF-8": "Bad \xff\xfe text"}
			says := map[string]string{"a NUL byte": "control character", "bytes that are not UTF-8": "UTF-8"}
			for _, c := range forms {
				for what, value := range bad {
					form := url.Values{}
					for k, v := range c.form {
						form[k] = v
					}
					form.Set(c.field, value)
					for _, f := range c.also {
						form.Set(f, value)
					}
					res, doc := c.who().post(c.path, form)
					if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Text(), says[what]) {
						t.Errorf("POST %s with %s in %s: %d %q", c.path, what, c.field, res.StatusCode, text(doc.Find(".error-message, .field-error")))
					}
				}
			}

			admTok, coTok, agTok := a.token(f.admin), a.token(f.coordinator), a.token(agent)
			api := []struct {
				token, method, path string
				body                map[string]any
				field               string // the JSON field holding the bad text, and the field the error names
				named               string
			}{
				{admTok, "POST", "/api/v1/organisations", map[string]any{"kind": "ngo", "country": "XD"}, "name", "name"},
				{coTok, "POST", "/api/v1/assessments", map[string]any{"organisation_id": f.org.ID, "period": "2026"}, "title", "title"},
				{coTok, "POST", "/api/v1/assessments", map[string]any{"organisation_id": f.org.ID, "title": "T"}, "period", "period"},
				{coTok, "PUT", "/api/v1" + as + "/indicators/leadership-1", map[string]any{"answer": "yes", "version": 0}, "evidence", "evidence"},
				{coTok, "PUT", "/api/v1" + as + "/indicators/leadership-1", map[string]any{"answer": "yes", "version": 0}, "note", "note"},
				{coTok, "PUT", "/api/v1" + as + "/capabilities/leadership", map[string]any{"confirmed_phase": 0, "version": 0}, "justification", "justification"},
				{coTok, "PUT", "/api/v1" + as + "/capabilities/leadership", map[string]any{"version": 0}, "lead", "lead"},
				{coTok, "POST", "/api/v1" + as + "/comments", map[string]any{}, "body", "body"},
				{coTok, "POST", "/api/v1" + as + "/transitions", map[string]any{"action": "submit"}, "comment", "comment"},
				{coTok, "POST", "/api/v1" + as + "/consolidation/leadership-1", map[string]any{"answer": "yes", "version": 0}, "reason", "reason"},
				{coTok, "POST", fmt.Sprintf("/api/v1/assessments/%d/next-cycle", approved.ID), map[string]any{"period": "2027"}, "title", "title"},
				{a.token(f.owner), "POST", fmt.Sprintf("/api/v1/organisations/%d/shares", f.org.ID), map[string]any{}, "partner_name", "partner_name"},
				{agTok, "PUT", fmt.Sprintf("/api/v1/contributions/%d/indicators/leadership-1", contrib.ID), map[string]any{"answer": "yes", "version": 0}, "evidence", "evidence"},
			}
			for _, c := range api {
				body := map[string]any{c.field: "Bad\x00text"}
				for k, v := range c.body {
					body[k] = v
				}
				r := a.api(c.token, c.method, c.path, body)
				if r.Status != http.StatusUnprocessableEntity || r.str("field") != c.named || !strings.Contains(r.str("error"), "control character") {
					t.Errorf("%s %s with NUL in %s: %d %s", c.method, c.path, c.field, r.Status, r.Raw)
				}
			}

			// Nothing was stored.
			list, err := a.db.Assessments(ctx, []int64{f.org.ID})
			if err != nil || len(list) != 2 {
				t.Errorf("%d assessments after the refused creations, want 2 (%v)", len(list), err)
			}
			for _, e := range a.events("") {
				if strings.ContainsAny(e.After+e.Before+e.Object, "\x00\xff") {
					t.Errorf("audit event %s recorded the bad text: %q", e.Action, e.After)
				}
			}
		})
	}
}

// A title with a right-to-left override could reverse everything printed
// after it (the tab title, the PDF header): one-line text refuses
// direction controls, so no title can hold one.
func TestDirectionOverrideCannotEnterATitle(t *testing.T) {
	f := newFixture(t)
	coordinator := f.session(f.coordinator)
	evil := "Annual review \u202Eweiver launnA"
	res, doc := coordinator.post("/assessments", url.Values{"organisation_id": {fmt.Sprint(f.org.ID)}, "title": {evil}, "period": {"2026"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Text(), "U+202E") {
		t.Errorf("title with U+202E: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	r := f.api(f.token(f.coordinator), "POST", "/api/v1/assessments", map[string]any{"organisation_id": f.org.ID, "title": "T", "period": "2026\u2067"})
	if r.Status != http.StatusUnprocessableEntity || r.str("field") != "period" {
		t.Errorf("period with U+2067 through the API: %d %s", r.Status, r.Raw)
	}
	list, _ := f.db.Assessments(context.Background(), []int64{f.org.ID})
	for _, a := range list {
		if strings.ContainsRune(a.Title+a.Period, '\u202E') || strings.ContainsRune(a.Period, '\u2067') {
			t.Fatalf("stored %q", a.Title)
		}
	}
	// The report page of every assessment keeps its tab title in order.
	_, doc = coordinator.get(fmt.Sprintf("/assessments/%d/report", f.assess.ID))
	if title := doc.Find("title").Text(); strings.ContainsAny(title, "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069") {
		t.Errorf("tab title %q holds a direction control", title)
	}
	// Longer text may carry them (pasted right-to-left writing).
	r = f.api(f.token(f.coordinator), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID),
		map[string]any{"answer": "yes", "evidence": "\u202Bنص عربي\u202C", "version": 0})
	if r.Status != http.StatusOK {
		t.Errorf("evidence with an embedding: %d %s", r.Status, r.Raw)
	}
}
