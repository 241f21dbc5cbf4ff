package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// BenchmarkSaveAnswerSync measures one answer save (one transaction with
// its audit record) through the store at each SQLite synchronous level:
//
//	go test ./internal/store/ -run '^$' -bench SaveAnswerSync -benchtime 2000x
func BenchmarkSaveAnswerSync(b *testing.B) {
	for _, level := range []string{"full", "normal"} {
		b.Run(level, func(b *testing.B) {
			s, err := store.OpenWith(filepath.Join(b.TempDir(), "mnr.db"), store.Options{Synchronous: level})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			if err := s.Migrate(ctx); err != nil {
				b.Fatal(err)
			}
			fw, _ := framework.Default()
			o, err := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "Org", Kind: assessment.KindNGO, Country: "JO"})
			if err != nil {
				b.Fatal(err)
			}
			in := assessment.AssessmentInput{OrganisationID: o.ID, Title: "T", Period: "2026", Scope: []string{"leadership"}}
			a, _ := in.Validate(fw)
			if a, err = s.CreateAssessment(ctx, assessment.System, fw, a); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_, err := s.SaveAnswer(ctx, assessment.System, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.Yes, Version: i})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestSynchronousDefaultsToFull(t *testing.T) {
	for level, want := range map[string]int{"": 2, "full": 2, "normal": 1} {
		s, err := store.OpenWith(filepath.Join(t.TempDir(), "mnr.db"), store.Options{Synchronous: level})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Synchronous(context.Background())
		s.Close()
		if err != nil || got != want {
			t.Errorf("synchronous %q = %d, want %d (%v)", level, got, want, err)
		}
	}
	if _, err := store.OpenWith(filepath.Join(t.TempDir(), "mnr.db"), store.Options{Synchronous: "off"}); err == nil {
		t.Error("synchronous=off accepted")
	}
}
