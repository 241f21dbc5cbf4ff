package store_test

import (
	"context"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestAdoptAnswersAllOrNone: several adoptions are one transaction; one
// stale version writes none of them, and each adoption written is audited
// with its contribution.
func TestAdoptAnswersAllOrNone(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			by := assessment.Actor{Name: "tester"}
			fw, a := setup(t, s)
			police, err := s.CreateOrganisation(ctx, by, assessment.Organisation{Name: "Police", Kind: assessment.KindLawEnforcement, Country: "JO"})
			if err != nil {
				t.Fatal(err)
			}
			c, _, err := s.CreateContribution(ctx, by, fw, assessment.Contribution{AssessmentID: a.ID, OrganisationID: police.ID, Capabilities: []string{"leadership"}}, assessment.ContributionAskedNotices)
			if err != nil {
				t.Fatal(err)
			}
			ind := fw.Capability("leadership").Indicators
			var answers []assessment.Answer
			for _, in := range ind {
				answers = append(answers, assessment.Answer{IndicatorKey: in.Key, Value: assessment.Yes, Evidence: "police files"})
			}
			if _, err := s.SaveContributionAnswers(ctx, by, c.ID, answers); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SubmitContribution(ctx, by, c.ID, assessment.ContributionSubmittedNotices); err != nil {
				t.Fatal(err)
			}
			picks := []assessment.Adoption{{IndicatorKey: ind[0].Key, ContributionID: c.ID}, {IndicatorKey: ind[1].Key, ContributionID: c.ID, Version: 3}}
			if _, err := s.AdoptAnswers(ctx, by, a.ID, picks); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Fatalf("a stale version among the adoptions: %v", err)
			}
			_, _, _, got, err := s.AssessmentContent(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range got {
				if x.Value != assessment.Unanswered || x.Source != assessment.SourceTyped {
					t.Fatalf("a refused step wrote %+v", x)
				}
			}
			picks[1].Version = 0
			saved, err := s.AdoptAnswers(ctx, by, a.ID, picks)
			if err != nil || len(saved) != 2 {
				t.Fatalf("adopt two: %d, %v", len(saved), err)
			}
			for _, x := range saved {
				if x.Source != assessment.SourceContribution || x.SourceContributionID == nil || *x.SourceContributionID != c.ID || x.Value != assessment.Yes || x.Evidence != "police files" {
					t.Errorf("adopted %+v", x)
				}
			}
			ev, err := s.Audit(ctx, store.AuditFilter{ActionPrefix: "answer.adopt", Limit: 10})
			if err != nil || len(ev) != 2 {
				t.Fatalf("audit: %d events, %v", len(ev), err)
			}
		})
	}
}
