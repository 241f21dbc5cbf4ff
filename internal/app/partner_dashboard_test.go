package app_test

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// partnerData is a store with orgs organisations sharing with one partner,
// and the partner's principal.
type partnerData struct {
	db  *store.Store
	cur *framework.Framework
	p   *policy.Principal
}

func newPartnerData(tb testing.TB) *partnerData {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "mnr.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		tb.Fatal(err)
	}
	cur, err := framework.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return &partnerData{db: db, cur: cur}
}

// seed creates orgs organisations with cycles assessments each, shared
// whole with a new partner organisation; answer fills each assessment
// before it is approved (nil: left empty, as `mnr bench` seeds them).
func (pd *partnerData) seed(tb testing.TB, orgs, cycles int, fwOf func(o, c int) *framework.Framework, answer func(fw *framework.Framework, a assessment.Assessment)) {
	tb.Helper()
	ctx, sys := context.Background(), assessment.System
	must := func(err error) {
		if err != nil {
			tb.Helper()
			tb.Fatal(err)
		}
	}
	partner, err := pd.db.CreateOrganisation(ctx, sys, assessment.Organisation{Name: "Partner Network", Kind: assessment.KindNGO, Country: "CH"})
	must(err)
	u, err := pd.db.CreateUser(ctx, sys, assessment.User{Email: "analyst@partner.example", Name: "Analyst", PasswordHash: "x"})
	must(err)
	m, err := pd.db.AddMembership(ctx, sys, assessment.Membership{UserID: u.ID, OrganisationID: partner.ID, Role: assessment.RoleViewer})
	must(err)
	for i := 0; i < orgs; i++ {
		o, err := pd.db.CreateOrganisation(ctx, sys, assessment.Organisation{Name: fmt.Sprintf("Council %03d", i), Kind: assessment.KindCoordinating, Country: []string{"FR", "JO", "BR"}[i%3]})
		must(err)
		for c := 0; c < cycles; c++ {
			fw := fwOf(i, c)
			in := assessment.AssessmentInput{OrganisationID: o.ID, Title: "National self-assessment", Period: fmt.Sprint(2020 + c)}
			if i%4 == 1 && c == 0 { // a partial scope: not national
				in.Scope = []string{fw.Capabilities()[0].Key, fw.Capabilities()[1].Key}
			}
			a, err := in.Validate(fw)
			must(err)
			a, err = pd.db.CreateAssessment(ctx, sys, fw, a)
			must(err)
			if answer != nil {
				answer(fw, a)
			}
			if i%5 != 2 || c != cycles-1 { // some latest cycles stay drafts
				must(pd.db.SetStatus(ctx, sys, a.ID, assessment.StatusApproved))
			}
		}
		_, err = pd.db.CreateShare(ctx, sys, o.ID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices)
		must(err)
	}
	shared, err := pd.db.SharedAssessmentIDs(ctx, []int64{partner.ID})
	must(err)
	pd.p = &policy.Principal{User: u, Memberships: []assessment.Membership{m}, SharedWith: shared}
}

// randomAnswers answers every indicator in scope at random (unanswered
// included) and confirms or targets some phases.
func randomAnswers(tb testing.TB, db *store.Store, rng *rand.Rand) func(fw *framework.Framework, a assessment.Assessment) {
	values := append([]assessment.AnswerValue{assessment.Unanswered, assessment.Yes, assessment.Yes, assessment.Yes}, assessment.AnswerValues...)
	return func(fw *framework.Framework, a assessment.Assessment) {
		var answers []assessment.Answer
		var states []assessment.CapabilityState
		for _, key := range a.Scope {
			c := fw.Assessable(key)
			for _, in := range c.Indicators {
				if v := values[rng.Intn(len(values))]; v != assessment.Unanswered {
					answers = append(answers, assessment.Answer{AssessmentID: a.ID, IndicatorKey: in.Key, CapabilityKey: key, Value: v, Evidence: "decree"})
				}
			}
			st := assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: key}
			if rng.Intn(3) == 0 {
				p := rng.Intn(framework.MaxPhase + 1)
				st.Confirmed, st.Justification = &p, "seen"
			}
			if rng.Intn(3) == 0 {
				t := 1 + rng.Intn(framework.MaxPhase)
				st.Target = &t
			}
			if st.Confirmed != nil || st.Target != nil {
				states = append(states, st)
			}
		}
		if err := db.ImportAnswers(context.Background(), assessment.System, a.ID, 0, answers, states); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestPartnerDashboardMatchesWholeReads: the dashboard read from answer
// values alone gives exactly the figures of the assessments read whole.
func TestPartnerDashboardMatchesWholeReads(t *testing.T) {
	pd := newPartnerData(t)
	old, err := framework.Get("2026.1")
	if err != nil {
		t.Fatal(err)
	}
	fwOf := func(o, c int) *framework.Framework {
		if o%3 == 0 && c == 0 {
			return old
		}
		return pd.cur
	}
	pd.seed(t, 12, 3, fwOf, randomAnswers(t, pd.db, rand.New(rand.NewSource(11))))
	a := app.New(pd.db)
	got, err := a.PartnerDashboard(context.Background(), pd.p, pd.cur, "fr")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, list := range got.Reports {
		for _, as := range list {
			if as.Status == assessment.StatusApproved {
				ids = append(ids, as.ID)
			}
		}
	}
	details, err := a.Details(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	whole := map[int64][]*assessment.Detail{}
	var orgList []assessment.Organisation
	for _, d := range details {
		if _, seen := whole[d.Assessment.OrganisationID]; !seen {
			orgList = append(orgList, d.Organisation)
		}
		whole[d.Assessment.OrganisationID] = append(whole[d.Assessment.OrganisationID], d)
	}
	if len(orgList) != 12 || len(ids) < 30 {
		t.Fatalf("data set: %d organisations, %d approved assessments", len(orgList), len(ids))
	}
	want := report.BuildPartners(pd.cur, orgList, whole, "fr")
	if !reflect.DeepEqual(got.Partners, want) {
		t.Errorf("dashboard differs from the whole reads:\n got %+v\nwant %+v", got.Partners, want)
	}
	if want.Contributing < report.MinContributors {
		t.Errorf("only %d organisations contribute: the aggregates are not exercised", want.Contributing)
	}
}

// TestPartnerDashboardNeedsAMembership: the policy is checked first.
func TestPartnerDashboardNeedsAMembership(t *testing.T) {
	pd := newPartnerData(t)
	_, err := app.New(pd.db).PartnerDashboard(context.Background(), &policy.Principal{}, pd.cur, "en")
	if assessment.ErrorCode(err) != assessment.EFORBIDDEN {
		t.Fatalf("err = %v, want forbidden", err)
	}
}

// BenchmarkPartnerDashboard: the use case over 200 organisations × 5
// approved cycles, seeded as `mnr bench` seeds them (the target:
// the page ≤ 150 ms).
func BenchmarkPartnerDashboard(b *testing.B) {
	pd := newPartnerData(b)
	pd.seed(b, 200, 5, func(int, int) *framework.Framework { return pd.cur }, nil)
	benchDashboard(b, pd)
}

// BenchmarkPartnerDashboardAnswered: the same with every assessment
// answered (about 200 answers each, some phases confirmed).
func BenchmarkPartnerDashboardAnswered(b *testing.B) {
	pd := newPartnerData(b)
	pd.seed(b, 200, 5, func(int, int) *framework.Framework { return pd.cur }, randomAnswers(b, pd.db, rand.New(rand.NewSource(5))))
	benchDashboard(b, pd)
}

func benchDashboard(b *testing.B, pd *partnerData) {
	a := app.New(pd.db)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := a.PartnerDashboard(context.Background(), pd.p, pd.cur, "en"); err != nil {
			b.Fatal(err)
		}
	}
}
