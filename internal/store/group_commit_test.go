package store_test

import (
	"context"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestGroupCommitSaves: saves started at the same instant (on SQLite they
// share commits) each land or fail alone. Every indicator gets one good
// save, one stale save (409) and one cancelled save, and unknown
// indicators are written to (404), all mixed in the same groups; after
// them each indicator holds its good save once, with one audit event each.
func TestGroupCommitSaves(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			var answers []assessment.Answer
			for _, k := range []string{"leadership", "hotline"} {
				_, got, err := s.CapabilityAnswers(ctx, a.ID, k)
				if err != nil {
					t.Fatal(err)
				}
				answers = append(answers, got...)
			}
			cancelled, cancel := context.WithCancel(ctx)
			cancel()
			by := assessment.Actor{Name: "racer"}
			n := len(answers)
			errs := race(4*n, func(i int) error {
				ans := answers[i%n]
				in := assessment.Answer{AssessmentID: a.ID, IndicatorKey: ans.IndicatorKey, Value: assessment.Yes, Evidence: "good", Version: ans.Version}
				switch i / n {
				case 1:
					in.Version, in.Value, in.Evidence = ans.Version+7, assessment.No, "stale"
				case 2:
					_, err := s.SaveAnswer(cancelled, by, in)
					if err == nil {
						t.Errorf("cancelled save of %s answered no error", ans.IndicatorKey)
					}
					return nil
				case 3:
					in.IndicatorKey = "no-such-indicator"
				}
				_, err := s.SaveAnswer(ctx, by, in)
				return err
			})
			for i, err := range errs {
				want := []string{"", assessment.ECONFLICT, "", assessment.ENOTFOUND}[i/n]
				if assessment.ErrorCode(err) != want && (want != "" || err != nil) {
					t.Errorf("save %d (kind %d): %v, want %q", i, i/n, err, want)
				}
			}
			for _, k := range []string{"leadership", "hotline"} {
				_, got, _ := s.CapabilityAnswers(ctx, a.ID, k)
				for _, an := range got {
					if an.Value != assessment.Yes || an.Evidence != "good" {
						t.Errorf("%s: stored %q %q", an.IndicatorKey, an.Value, an.Evidence)
					}
				}
			}
			events, err := s.Audit(ctx, store.AuditFilter{AssessmentID: a.ID, ActionPrefix: "answer.save", Limit: 10 * n})
			if err != nil || len(events) != n {
				t.Errorf("%d answer.save events (%v), want %d", len(events), err, n)
			}
		})
	}
}

// TestGroupCommitClosed: a store closed meanwhile refuses writes cleanly.
func TestGroupCommitClosed(t *testing.T) {
	s := backends(t)["sqlite"]
	ctx := context.Background()
	_, a := setup(t, s)
	_, got, _ := s.CapabilityAnswers(ctx, a.ID, "leadership")
	s.Close()
	_, err := s.SaveAnswer(ctx, assessment.System, assessment.Answer{AssessmentID: a.ID, IndicatorKey: got[0].IndicatorKey, Value: assessment.Yes, Version: got[0].Version})
	if err == nil {
		t.Fatal("a save on a closed store answered no error")
	}
}
