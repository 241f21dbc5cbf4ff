package assessment_test

import (
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// answersUpTo answers every indicator of phase ≤ p with v, others No.
func answersUpTo(c *framework.Capability, p int, v assessment.AnswerValue) map[string]assessment.AnswerValue {
	m := map[string]assessment.AnswerValue{}
	for _, in := range c.Indicators {
		if in.Phase <= p {
			m[in.Key] = v
		} else {
			m[in.Key] = assessment.No
		}
	}
	return m
}

func TestSuggestedPhase(t *testing.T) {
	fw, err := framework.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := fw.Capability("leadership") // phases 1,2,2,3,3,4,4
	first := func(p int) string { return c.IndicatorsByPhase(p)[0].Key }
	cases := []struct {
		name    string
		answers map[string]assessment.AnswerValue
		want    int
	}{
		{"nothing answered", map[string]assessment.AnswerValue{}, 0},
		{"all yes", answersUpTo(c, 4, assessment.Yes), 4},
		{"yes to phase 2", answersUpTo(c, 2, assessment.Yes), 2},
		{"gap at a lower phase", func() map[string]assessment.AnswerValue {
			m := answersUpTo(c, 4, assessment.Yes)
			m[first(2)] = assessment.No
			return m
		}(), 1},
		{"phase 1 not met", func() map[string]assessment.AnswerValue {
			m := answersUpTo(c, 4, assessment.Yes)
			m[first(1)] = assessment.No
			return m
		}(), 0},
		{"partly does not count", func() map[string]assessment.AnswerValue {
			m := answersUpTo(c, 3, assessment.Yes)
			m[first(3)] = assessment.Partly
			return m
		}(), 2},
		{"don't know does not count", func() map[string]assessment.AnswerValue {
			m := answersUpTo(c, 3, assessment.Yes)
			m[first(2)] = assessment.Unknown
			return m
		}(), 1},
		{"not applicable is ignored", func() map[string]assessment.AnswerValue {
			m := answersUpTo(c, 3, assessment.Yes)
			m[first(2)] = assessment.NA
			return m
		}(), 3},
		{"a phase all not applicable is passed", func() map[string]assessment.AnswerValue {
			m := answersUpTo(c, 4, assessment.Yes)
			m[first(1)] = assessment.NA
			return m
		}(), 4},
		{"unanswered higher phase stops", func() map[string]assessment.AnswerValue {
			m := answersUpTo(c, 2, assessment.Yes)
			for _, in := range c.IndicatorsByPhase(3) {
				delete(m, in.Key)
			}
			return m
		}(), 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := assessment.SuggestedPhase(c, tc.answers); got != tc.want {
				t.Fatalf("SuggestedPhase = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestCompletion(t *testing.T) {
	fw, _ := framework.Default()
	c := fw.Capability("leadership")
	m := map[string]assessment.AnswerValue{c.Indicators[0].Key: assessment.NA, c.Indicators[1].Key: assessment.Unknown}
	got := assessment.CapabilityCompletion(c, m)
	if got.Answered != 2 || got.Total != len(c.Indicators) {
		t.Fatalf("completion = %+v", got)
	}
	if got.Complete() {
		t.Fatal("partial completion reported complete")
	}
	if (assessment.Completion{Answered: 199, Total: 200}).Percent() != 99 {
		t.Fatal("99.5% must not round up to 100")
	}
}

func TestInputValidation(t *testing.T) {
	fw, _ := framework.Default()
	a := assessment.Assessment{ID: 1, Scope: []string{"leadership"}}
	long := make([]byte, assessment.MaxNote+1)
	for i := range long {
		long[i] = 'x'
	}
	cases := []struct {
		name  string
		key   string
		in    assessment.AnswerInput
		field string
	}{
		{"unknown value", "leadership-1", assessment.AnswerInput{Value: "maybe"}, "answer"},
		{"out of scope", "legislation-1", assessment.AnswerInput{Value: "yes"}, "indicator"},
		{"note too long", "leadership-1", assessment.AnswerInput{Value: "yes", Note: string(long)}, "note"},
		{"bad link", "leadership-1", assessment.AnswerInput{Value: "yes", Links: []string{"javascript:alert(1)"}}, "links"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.in.Validate(&a, fw, tc.key)
			de, ok := assessment.AsError(err)
			if !ok || de.Field != tc.field {
				t.Fatalf("err = %v, want a field error on %q", err, tc.field)
			}
		})
	}
	if _, err := (&assessment.AnswerInput{Value: "yes"}).Validate(&a, fw, "nope-1"); assessment.ErrorCode(err) != assessment.ENOTFOUND {
		t.Fatalf("unknown indicator: %v", err)
	}
	org := assessment.OrganisationInput{Name: "X", Kind: "ngo", Country: "ZZZ"}
	if _, err := org.Validate(); err == nil {
		t.Fatal("bad country accepted")
	}
	org.Country = "jo"
	if o, err := org.Validate(); err != nil || o.Country != "JO" {
		t.Fatalf("country normalisation: %v %v", o, err)
	}
}
