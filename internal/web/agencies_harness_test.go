package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// agencies is the fixture with three agencies of the national
// organisation's country (XD), each with a coordinator, and a police
// contributor: the cast of a national exercise.
type agencies struct {
	*fixture
	police, prosecution, helpline       assessment.Organisation
	policeLead, prosecutor, helpLead    assessment.User // coordinators of each agency
	officer                             assessment.User // contributor of the police
	coordinatorB, policeB, prosecutionB *browser
}

func newAgencies(t testing.TB, opts ...func(*web.Config)) *agencies {
	t.Helper()
	f := fixtureWith(t, opts...)
	w := &agencies{fixture: f}
	w.police = f.app.org("Demoland Police Child Exploitation Unit", "XD")
	w.prosecution = f.app.org("Demoland Public Prosecution Service", "XD")
	w.helpline = f.app.org("Demoland Child Helpline", "XD")
	w.policeLead = f.user("police@example.org", false)
	w.prosecutor = f.user("prosecutor@example.org", false)
	w.helpLead = f.user("helpline@example.org", false)
	w.officer = f.user("officer@example.org", false)
	f.member(w.policeLead, w.police, assessment.RoleCoordinator)
	f.member(w.officer, w.police, assessment.RoleContributor)
	f.member(w.prosecutor, w.prosecution, assessment.RoleCoordinator)
	f.member(w.helpLead, w.helpline, assessment.RoleCoordinator)
	w.coordinatorB, w.policeB, w.prosecutionB = f.session(f.coordinator), f.session(w.policeLead), f.session(w.prosecutor)
	return w
}

// invite asks an agency into the national assessment through the page's
// form and returns the new contribution's id.
func (w *agencies) invite(t testing.TB, agency assessment.Organisation, due string, caps ...string) int64 {
	t.Helper()
	w.coordinatorB.get(fmt.Sprintf("/assessments/%d/contributions", w.assess.ID))
	form := url.Values{"organisation_id": {fmt.Sprint(agency.ID)}, "capabilities": caps, "due_date": {due}}
	res, doc := w.coordinatorB.post(fmt.Sprintf("/assessments/%d/contributions", w.assess.ID), form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("invite %s: status %d: %s", agency.Name, res.StatusCode, text(doc.Find(".error-message")))
	}
	list, err := w.db.Contributions(context.Background(), w.assess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.OrganisationID == agency.ID {
			return c.ID
		}
	}
	t.Fatalf("no contribution of %s", agency.Name)
	return 0
}

// answer answers every indicator of a capability of a contribution through
// the API: all yes, except the values given per indicator key ("skip"
// leaves one as it is).
func (w *agencies) answer(t testing.TB, token string, contributionID int64, capKey string, except map[string]string) {
	t.Helper()
	for _, in := range w.fw.Capability(capKey).Indicators {
		v := "yes"
		if x, ok := except[in.Key]; ok {
			v = x
		}
		if v == "skip" {
			continue
		}
		res := w.api(token, "PUT", fmt.Sprintf("/api/v1/contributions/%d/indicators/%s", contributionID, in.Key),
			map[string]any{"answer": v, "evidence": "Evidence of " + in.Key, "note": "Note on " + in.Key, "version": 0})
		if res.Status != http.StatusOK {
			t.Fatalf("answer %s: %d %s", in.Key, res.Status, res.Raw)
		}
	}
}

// formOf collects a form's fields as a browser without JavaScript would
// submit them: checked radios and checkboxes only.
func formOf(doc *goquery.Document, selector string) url.Values {
	form := url.Values{}
	doc.Find(selector + " input, " + selector + " textarea, " + selector + " select").Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		typ, _ := s.Attr("type")
		if name == "" || ((typ == "radio" || typ == "checkbox") && s.AttrOr("checked", "-") == "-") {
			return
		}
		val := s.AttrOr("value", "")
		switch goquery.NodeName(s) {
		case "textarea":
			val = s.Text()
		case "select":
			val = s.Find("option[selected]").AttrOr("value", s.Find("option").First().AttrOr("value", ""))
		}
		form.Add(name, val)
	})
	return form
}

// actions counts the audit events of an assessment by action.
func (w *agencies) actions(t testing.TB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, e := range w.events("") {
		if e.AssessmentID == w.assess.ID {
			out[e.Action]++
		}
	}
	return out
}
