package store_test

import (
	"context"
	"os"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestReviewCycleAndSharing runs the workflow, a next cycle into a later
// framework version (the test fixture 2027.1, which renames legislation to
// law-reform and drops research-analysis) and sharing on every backend.
func TestReviewCycleAndSharing(t *testing.T) {
	b, err := os.ReadFile("../framework/testdata/mnr-2027.1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	next, err := framework.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			fw, _ := framework.Get("2026.1")
			org, _ := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "National Council", Kind: assessment.KindCoordinating, Country: "XD"})
			ngo, _ := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "Watch NGO", Kind: assessment.KindNGO, Country: "CH"})
			u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "rev@example.org", Name: "Rev", PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			rev := assessment.Actor{UserID: u.ID, Name: u.Name}
			in := assessment.AssessmentInput{OrganisationID: org.ID, Title: "T", Period: "2026", Scope: []string{"leadership", "research-analysis", "legislation", "hotline"}}
			a, _ := in.Validate(fw)
			if a, err = s.CreateAssessment(ctx, assessment.System, fw, a); err != nil {
				t.Fatal(err)
			}
			var answers []assessment.Answer
			for _, k := range []string{"leadership-2", "legislation-1", "research-analysis-1", "hotline-1"} {
				answers = append(answers, assessment.Answer{AssessmentID: a.ID, IndicatorKey: k, CapabilityKey: fw.Indicator(k).Capability.Key, Value: assessment.Yes, Evidence: "ev " + k})
			}
			target := 3
			if _, _, err := s.SaveCapabilityForm(ctx, assessment.System, answers, &assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: "leadership", Target: &target, Lead: "Ministry"}); err != nil {
				t.Fatal(err)
			}

			// Comments: a reply to a reply joins the thread.
			c1, err := s.AddComment(ctx, rev, assessment.Comment{AssessmentID: a.ID, CapabilityKey: "leadership", Body: "Source?"})
			if err != nil {
				t.Fatal(err)
			}
			r1, _ := s.AddComment(ctx, assessment.System, assessment.Comment{AssessmentID: a.ID, ParentID: &c1.ID, Body: "Decree."})
			r2, _ := s.AddComment(ctx, rev, assessment.Comment{AssessmentID: a.ID, ParentID: &r1.ID, Body: "Thanks."})
			if r2.ParentID == nil || *r2.ParentID != c1.ID || r2.CapabilityKey != "leadership" || c1.Author != "Rev" {
				t.Errorf("reply = %+v", r2)
			}
			if _, err := s.ResolveComment(ctx, rev, c1.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.ResolveComment(ctx, rev, c1.ID); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("resolve twice: %v", err)
			}

			if _, err := s.Transition(ctx, rev, a.ID, assessment.ActionApprove, "", assessment.TransitionNotices); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("approve a draft: %v", err)
			}
			s.Transition(ctx, assessment.System, a.ID, assessment.ActionSubmit, "", assessment.TransitionNotices)
			approved, err := s.Transition(ctx, rev, a.ID, assessment.ActionApprove, "", assessment.TransitionNotices)
			if err != nil || approved.ApprovedBy == nil || *approved.ApprovedBy != u.ID || approved.ApprovedByName != "Rev" || approved.ApprovedAt == nil {
				t.Fatalf("approve: %+v %v", approved, err)
			}
			if _, err := s.AddComment(ctx, rev, assessment.Comment{AssessmentID: a.ID, Body: "late"}); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("comment on an approved assessment: %v", err)
			}

			// Next cycle into 2027.1.
			nin := assessment.AssessmentInput{OrganisationID: org.ID, Title: "T", Period: "2027", Scope: []string{"leadership", "law-reform"}}
			na, err := nin.Validate(next)
			if err != nil {
				t.Fatal(err)
			}
			na, err = s.StartNextCycle(ctx, rev, next, a.ID, na)
			if err != nil {
				t.Fatal(err)
			}
			_, got, states, ans, err := s.AssessmentContent(ctx, na.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.FrameworkVersion != "2027.1" || got.PreviousID == nil || *got.PreviousID != a.ID {
				t.Errorf("next cycle = %+v", got)
			}
			carried := map[string]string{}
			for _, an := range ans {
				if an.CarriedForward {
					carried[an.IndicatorKey] = an.Evidence
				}
			}
			if len(carried) != 2 || carried["leadership-2a"] != "ev leadership-2" || carried["law-reform-1"] != "ev legislation-1" {
				t.Errorf("carried = %v", carried)
			}
			for _, st := range states {
				if st.CapabilityKey == "leadership" && (st.Target == nil || *st.Target != 3 || st.Lead != "Ministry" || st.Confirmed != nil) {
					t.Errorf("leadership state = %+v", st)
				}
			}
			if prev, ok, err := s.PreviousAssessment(ctx, got); err != nil || !ok || prev.ID != a.ID {
				t.Errorf("previous = %v %v %v", prev.ID, ok, err)
			}
			if _, err := s.StartNextCycle(ctx, rev, next, a.ID, na); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("second next cycle: %v", err)
			}
			if n, err := s.ConfirmCarried(ctx, rev, na.ID, []string{"leadership-2a", "leadership-1"}); err != nil || n != 1 {
				t.Errorf("confirm = %d %v", n, err)
			}
			if n, _ := s.ConfirmCarried(ctx, rev, na.ID, []string{"leadership-2a"}); n != 0 {
				t.Errorf("confirm twice = %d", n)
			}

			// Sharing: by name, case-insensitively; revoked at once.
			if _, err := s.CreateShare(ctx, rev, org.ID, assessment.ShareInput{PartnerName: "nobody"}, assessment.ShareNotices); assessment.ErrorCode(err) != assessment.EINVALID {
				t.Errorf("unknown partner: %v", err)
			}
			sh, err := s.CreateShare(ctx, rev, org.ID, assessment.ShareInput{PartnerName: "watch ngo"}, assessment.ShareNotices)
			if err != nil || sh.PartnerName != "Watch NGO" || sh.OrganisationName != "National Council" || !sh.Active() {
				t.Fatalf("share = %+v %v", sh, err)
			}
			if _, err := s.CreateShare(ctx, rev, org.ID, assessment.ShareInput{PartnerID: ngo.ID}, assessment.ShareNotices); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("duplicate share: %v", err)
			}
			ids, _ := s.SharedAssessmentIDs(ctx, []int64{ngo.ID})
			if !ids[a.ID] || ids[na.ID] || len(ids) != 1 {
				t.Errorf("shared ids = %v (only the approved one)", ids)
			}
			if _, err := s.RevokeShare(ctx, rev, ngo.ID, sh.ID); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("revoke through the partner: %v", err)
			}
			if _, err := s.RevokeShare(ctx, rev, org.ID, sh.ID); err != nil {
				t.Fatal(err)
			}
			if ids, _ := s.SharedAssessmentIDs(ctx, []int64{ngo.ID}); len(ids) != 0 {
				t.Errorf("shared after revocation = %v", ids)
			}
			ev, _ := s.Audit(ctx, store.AuditFilter{OrganisationID: org.ID, Limit: 100})
			seen := map[string]int{}
			for _, e := range ev {
				seen[e.Action]++
			}
			for action, n := range map[string]int{"assessment.status": 2, "comment.add": 3, "comment.resolve": 1, "cycle.start": 1, "answer.confirm": 1, "share.create": 1, "share.revoke": 1} {
				if seen[action] != n {
					t.Errorf("%s events = %d, want %d", action, seen[action], n)
				}
			}
		})
	}
}
