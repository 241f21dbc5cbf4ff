package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// partnerSet seeds orgs organisations with cycles approved assessments of
// the whole framework each, all shared with one partner, through the store
// as `mnr bench` does (internal/bench/seed.go), and returns a token of the
// partner's analyst.
func partnerSet(tb testing.TB, f *fixture, orgs, cycles int) string {
	tb.Helper()
	ctx, sys := context.Background(), assessment.System
	partner, pu := f.partnerOrg("Bench Partner Network", "bench.partner@example.org")
	for i := 0; i < orgs; i++ {
		o := f.app.org(fmt.Sprintf("Bench Council %03d", i), "XB")
		for c := 0; c < cycles; c++ {
			in := assessment.AssessmentInput{OrganisationID: o.ID, Title: "National self-assessment", Period: fmt.Sprint(2020 + c)}
			a, err := in.Validate(f.fw)
			if err != nil {
				tb.Fatal(err)
			}
			if a, err = f.db.CreateAssessment(ctx, sys, f.fw, a); err != nil {
				tb.Fatal(err)
			}
			if err := f.db.SetStatus(ctx, sys, a.ID, assessment.StatusApproved); err != nil {
				tb.Fatal(err)
			}
		}
		if _, err := f.db.CreateShare(ctx, sys, o.ID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices); err != nil {
			tb.Fatal(err)
		}
	}
	return f.token(pu)
}

// BenchmarkPartnerDashboard: GET /api/v1/partner/dashboard over 200
// organisations × 5 approved cycles (the target: ≤ 150 ms).
func BenchmarkPartnerDashboard(b *testing.B) {
	f := benchFixture(b)
	tok := partnerSet(b, f, 200, 5)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", "/api/v1/partner/dashboard", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}
