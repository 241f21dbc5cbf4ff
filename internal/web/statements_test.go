package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// statementRoutes are the main routes, in the order they are counted.
var statementRoutes = []string{"home", "overview", "capability page", "save (autosave)", "save (form)", "save (API)", "report page",
	"report page (partner)", "partner dashboard"}

// TestStatementsDoNotGrowWithData counts the SQL statements of each main
// route on a small and a large data set (1 vs. 50 assessments in the
// organisation, 5 vs. 200 organisations sharing with a partner). A route
// whose count grows with the data reads row by row (N+1); pages and saves
// must read what they show or check in a fixed number of statements.
func TestStatementsDoNotGrowWithData(t *testing.T) {
	small := routeStatements(t, 1, 5)
	large := routeStatements(t, 50, 200)
	for _, r := range statementRoutes {
		t.Logf("%-22s %3d statements (small), %3d (large)", r, small[r], large[r])
		if small[r] == 0 {
			t.Errorf("%s: no statement counted", r)
		}
		if large[r] > small[r] {
			t.Errorf("%s: %d statements on the small data set, %d on the large one", r, small[r], large[r])
		}
	}
}

// routeStatements builds a data set and counts each route's statements.
func routeStatements(t *testing.T, assessments, organisations int) map[string]int64 {
	f := newFixture(t)
	ctx := context.Background()
	ids := []int64{f.assess.ID}
	for i := 1; i < assessments; i++ {
		ids = append(ids, f.app.assessment(f.org, []string{"leadership"}).ID)
	}
	for i, id := range ids { // each assessment one agency's submitted answer, awaiting consolidation (home's tasks)
		f.submittedContribution(t, fmt.Sprintf("Agency %03d", i), id)
	}
	partner, pu := f.partnerOrg("Child Rights Watch International", "analyst@crwi.example")
	var shared string // the first council's report, which the partner reads
	for i := 0; i < organisations; i++ {
		o := f.app.org(fmt.Sprintf("Council %03d", i), "FR")
		a := f.app.assessment(o, []string{"leadership"})
		if i == 0 {
			shared = fmt.Sprintf("/assessments/%d", a.ID)
		}
		if err := f.db.SetStatus(ctx, assessment.System, a.ID, assessment.StatusApproved); err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.CreateShare(ctx, assessment.System, o.ID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices); err != nil {
			t.Fatal(err)
		}
	}
	var n atomic.Int64
	if err := f.db.CountStatements(&n); err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("/assessments/%d", f.assess.ID)
	coord, pb, tok := f.session(f.coordinator), f.session(pu), f.token(f.coordinator)
	out := map[string]int64{}
	count := func(route string, status int, do func() int) {
		t.Helper()
		n.Store(0)
		if got := do(); got != status {
			t.Fatalf("%s: status %d, want %d", route, got, status)
		}
		out[route] = n.Load()
	}
	// Pages are counted as rendered: a browser taking no gzip is never
	// served from the page cache (a page served again costs no statement
	// on SQLite; TestPageCacheServesOnlyCurrentPages).
	get := func(b *browser, path string) func() int {
		return func() int {
			res, _ := b.do("GET", path, nil, http.Header{"Accept-Encoding": {"identity"}})
			return res.StatusCode
		}
	}
	for _, p := range []string{"/", base, base + "/capabilities/leadership", base + "/report"} {
		coord.get(p) // the first visit of a page may do one-off work
	}
	pb.get("/partner")
	pb.get(shared + "/report")
	count("home", 200, get(coord, "/"))
	count("overview", 200, get(coord, base))
	count("capability page", 200, get(coord, base+"/capabilities/leadership"))
	count("save (autosave)", 200, func() int {
		res, _ := coord.do("POST", base+"/indicators/leadership-1", url.Values{"_csrf": {coord.csrf}, "answer.leadership-1": {"yes"},
			"version.leadership-1": {"0"}}, http.Header{"Accept": {"application/json"}})
		return res.StatusCode
	})
	count("save (form)", 303, func() int {
		res, _ := coord.post(base+"/capabilities/leadership", url.Values{"answer.leadership-2": {"no"}, "version.leadership-2": {"0"}})
		return res.StatusCode
	})
	count("save (API)", 200, func() int {
		return f.api(tok, "PUT", "/api/v1"+base+"/indicators/leadership-3", map[string]any{"answer": "partly", "version": 0}).Status
	})
	count("report page", 200, get(coord, base+"/report"))
	count("partner dashboard", 200, get(pb, "/partner"))
	count("report page (partner)", 200, get(pb, shared+"/report"))
	return out
}

// submittedContribution has a new agency answer the assessment's
// leadership capability (a position on its first indicator, "don't know"
// on the others) and submit, through the store.
func (f *fixture) submittedContribution(t *testing.T, name string, assessmentID int64) {
	t.Helper()
	ctx := context.Background()
	o := f.app.org(name, f.org.Country)
	c, _, err := f.db.CreateContribution(ctx, assessment.System, f.fw, assessment.Contribution{AssessmentID: assessmentID, OrganisationID: o.ID,
		Capabilities: []string{"leadership"}}, assessment.ContributionAskedNotices)
	if err != nil {
		t.Fatal(err)
	}
	var answers []assessment.Answer
	for i, in := range f.fw.Capability("leadership").Indicators {
		v := assessment.Unknown
		if i == 0 {
			v = assessment.Yes
		}
		answers = append(answers, assessment.Answer{IndicatorKey: in.Key, CapabilityKey: "leadership", Value: v})
	}
	if _, err := f.db.SaveContributionAnswers(ctx, assessment.System, c.ID, answers); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.SubmitContribution(ctx, assessment.System, c.ID, assessment.ContributionSubmittedNotices); err != nil {
		t.Fatal(err)
	}
}
