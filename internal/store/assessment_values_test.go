package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// TestEachAssessmentValues: every assessment asked for comes once, in id
// order, with only its answered values and its judged capabilities.
func TestEachAssessmentValues(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx, by := context.Background(), assessment.Actor{Name: "tester"}
			fw, a := setup(t, s)
			in := assessment.AssessmentInput{OrganisationID: a.OrganisationID, Title: "T", Period: "2027", Scope: []string{"leadership"}}
			b, _ := in.Validate(fw)
			b, err := s.CreateAssessment(ctx, assessment.System, fw, b)
			if err != nil {
				t.Fatal(err)
			}
			two := 2
			if err := s.ImportAnswers(ctx, by, a.ID, 0, []assessment.Answer{
				{AssessmentID: a.ID, IndicatorKey: "leadership-1", CapabilityKey: "leadership", Value: assessment.Yes, Evidence: "decree"},
				{AssessmentID: a.ID, IndicatorKey: "hotline-1", CapabilityKey: "hotline", Value: assessment.NA},
			}, []assessment.CapabilityState{{AssessmentID: a.ID, CapabilityKey: "hotline", Confirmed: &two}}); err != nil {
				t.Fatal(err)
			}
			var got []string
			err = s.EachAssessmentValues(ctx, []int64{b.ID, 99999, a.ID}, func(id int64, states []assessment.CapabilityState, values map[string]assessment.AnswerValue) error {
				line := fmt.Sprintf("%d:%d values", id, len(values))
				for k, v := range values {
					if k == "leadership-1" || k == "hotline-1" {
						line += fmt.Sprintf(" %s=%s", k, v)
					}
				}
				for _, st := range states {
					line += fmt.Sprintf(" %s confirmed %d", st.CapabilityKey, *st.Confirmed)
				}
				got = append(got, line)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{fmt.Sprintf("%d:2 values", a.ID), fmt.Sprintf("%d:0 values", b.ID), "99999:0 values"}
			if len(got) != 3 || got[1] != want[1] || got[2] != want[2] || len(got[0]) < len(want[0]) || got[0][:len(want[0])] != want[0] {
				t.Fatalf("got %q, want %q…", got, want)
			}
			for _, part := range []string{"leadership-1=yes", "hotline-1=na", "hotline confirmed 2"} {
				if !strings.Contains(got[0], part) {
					t.Errorf("%q lacks %q", got[0], part)
				}
			}
		})
	}
}
