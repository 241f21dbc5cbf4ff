package assessment_test

import (
	"reflect"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// ruleCapability has two indicators at phase 1, two at phase 2 and one
// each at phases 3 and 4: c1a c1b c2a c2b c3 c4.
func ruleCapability() *framework.Capability {
	c := &framework.Capability{Key: "c"}
	for _, k := range []struct {
		key   string
		phase int
	}{{"c1a", 1}, {"c1b", 1}, {"c2a", 2}, {"c2b", 2}, {"c3", 3}, {"c4", 4}} {
		c.Indicators = append(c.Indicators, &framework.Indicator{Key: k.key, Phase: k.phase, Capability: c})
	}
	return c
}

// answers builds an answer map from the values of c1a c1b c2a c2b c3 c4 in
// order; "" leaves an indicator unanswered.
func answers(vals ...assessment.AnswerValue) map[string]assessment.AnswerValue {
	keys := []string{"c1a", "c1b", "c2a", "c2b", "c3", "c4"}
	m := map[string]assessment.AnswerValue{}
	for i, v := range vals {
		if v != assessment.Unanswered {
			m[keys[i]] = v
		}
	}
	return m
}

func keys(ins []*framework.Indicator) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Key)
	}
	return out
}

func TestRate(t *testing.T) {
	const (
		Y, P, N, U, NA, none = assessment.Yes, assessment.Partly, assessment.No, assessment.Unknown, assessment.NA, assessment.Unanswered
	)
	cases := []struct {
		name      string
		answers   map[string]assessment.AnswerValue
		suggested int
		reason    string
		above     []string // jagged: Yes above the suggestion
		gaps      []string // Don't know
	}{
		{"nothing answered", answers(), 0, "", nil, nil},
		{"all yes", answers(Y, Y, Y, Y, Y, Y), 4, "", nil, nil},
		{"yes to phase 2", answers(Y, Y, Y, Y, N, N), 2, "", nil, nil},
		{"no at phase 1", answers(N, Y, N, N, N, N), 0, "", []string{"c1b"}, nil},
		{"partly at phase 1 reaches Building", answers(P, P, N, N, N, N), 1, "", nil, nil},
		{"partly and yes at phase 1 reach Building", answers(Y, P, N, N, N, N), 1, "", nil, nil},
		{"partly at phase 1 stops phase 2", answers(P, Y, Y, Y, N, N), 1, "", []string{"c2a", "c2b"}, nil},
		{"partly above phase 1 does not count", answers(Y, Y, Y, P, Y, N), 1, "", []string{"c2a", "c3"}, nil},
		{"not applicable set aside within a phase", answers(Y, Y, Y, NA, Y, Y), 4, "", nil, nil},
		{"not applicable beside partly at phase 1", answers(P, NA, N, N, N, N), 1, "", nil, nil},
		{"a phase all not applicable is not reached", answers(Y, Y, NA, NA, Y, Y), 1, "", []string{"c3", "c4"}, nil},
		{"phase 1 all not applicable is not reached", answers(NA, NA, Y, Y, Y, Y), 0, "", []string{"c2a", "c2b", "c3", "c4"}, nil},
		{"not applicable throughout", answers(NA, NA, NA, NA, NA, NA), 0, assessment.ReasonMostlyNotApplicable, nil, nil},
		{"half not applicable is still assessed", answers(Y, NA, Y, NA, NA, Y), 2, "", []string{"c4"}, nil},
		{"more than half not applicable", answers(Y, NA, Y, NA, NA, NA), 2, assessment.ReasonMostlyNotApplicable, nil, nil},
		{"jagged: higher phases met above a gap", answers(Y, N, Y, Y, Y, none), 0, "", []string{"c1a", "c2a", "c2b", "c3"}, nil},
		{"don't know stops and is a data gap", answers(Y, Y, U, Y, Y, U), 1, "", []string{"c2b", "c3"}, []string{"c2a", "c4"}},
		{"unanswered stops the climb", answers(Y, Y, Y, Y, none, Y), 2, "", []string{"c4"}, nil},
	}
	c := ruleCapability()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := assessment.Rate(c, tc.answers)
			if r.Suggested != tc.suggested {
				t.Errorf("suggested = %d, want %d", r.Suggested, tc.suggested)
			}
			if got := assessment.SuggestedPhase(c, tc.answers); got != r.Suggested {
				t.Errorf("SuggestedPhase = %d, Rate says %d", got, r.Suggested)
			}
			if r.NotAssessedReason != tc.reason {
				t.Errorf("not assessed reason = %q, want %q", r.NotAssessedReason, tc.reason)
			}
			if got := keys(r.AboveSuggested); !reflect.DeepEqual(got, tc.above) {
				t.Errorf("above the suggestion = %v, want %v", got, tc.above)
			}
			if got := keys(r.DataGaps); !reflect.DeepEqual(got, tc.gaps) {
				t.Errorf("data gaps = %v, want %v", got, tc.gaps)
			}
		})
	}
}

func TestBlocking(t *testing.T) {
	const Y, P, N, NA = assessment.Yes, assessment.Partly, assessment.No, assessment.NA
	c := ruleCapability()
	cases := []struct {
		name    string
		answers map[string]assessment.AnswerValue
		phase   int
		want    []string
	}{
		{"partly meets phase 1", answers(P, Y), 1, nil},
		{"partly blocks phase 2", answers(P, Y, Y, N), 2, []string{"c1a", "c2b"}},
		{"not applicable does not block", answers(Y, Y, Y, NA), 2, nil},
		{"a phase all not applicable needs one that applies", answers(Y, Y, NA, NA), 2, []string{"c2a", "c2b"}},
		{"unanswered blocks", answers(Y, Y), 3, []string{"c2a", "c2b", "c3"}},
	}
	for _, tc := range cases {
		if got := keys(assessment.Blocking(c, tc.answers, tc.phase)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Blocking = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// The rule applies to real framework data too: every version, every
// capability and enabler reaches phase 4 on all Yes and 0 on all No.
func TestRuleOnEveryVersion(t *testing.T) {
	versions, err := framework.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range versions {
		fw, err := framework.Get(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range append(append([]*framework.Capability(nil), fw.Capabilities()...), fw.Enablers()...) {
			yes, no := map[string]assessment.AnswerValue{}, map[string]assessment.AnswerValue{}
			for _, in := range c.Indicators {
				yes[in.Key], no[in.Key] = assessment.Yes, assessment.No
			}
			if got := assessment.SuggestedPhase(c, yes); got != framework.MaxPhase {
				t.Errorf("%s %s: all Yes gives %d", v, c.Key, got)
			}
			if got := assessment.SuggestedPhase(c, no); got != 0 {
				t.Errorf("%s %s: all No gives %d", v, c.Key, got)
			}
		}
	}
}

func TestNotAssessedDetail(t *testing.T) {
	fw, _ := framework.Get("2026.1")
	a := assessment.Assessment{ID: 1, Scope: []string{"leadership", "hotline"}}
	var ans []assessment.Answer
	for i, in := range fw.Capability("leadership").Indicators {
		v := assessment.NA
		if i < 3 {
			v = assessment.Yes
		}
		ans = append(ans, assessment.Answer{IndicatorKey: in.Key, CapabilityKey: "leadership", Value: v, Note: "does not apply here"})
	}
	for _, in := range fw.Capability("hotline").Indicators {
		v := assessment.Yes
		if in.Phase == 1 {
			v = assessment.No
		}
		ans = append(ans, assessment.Answer{IndicatorKey: in.Key, CapabilityKey: "hotline", Value: v})
	}
	confirmed := 3
	d := assessment.NewDetail(fw, assessment.Organisation{}, a, []assessment.CapabilityState{{CapabilityKey: "leadership", Confirmed: &confirmed, Justification: "x"}}, ans)
	lead := d.Capability("leadership") // 3 Yes, 4 Not applicable of 7
	if lead.NotAssessedReason != assessment.ReasonMostlyNotApplicable || lead.Assessed() {
		t.Errorf("leadership: reason %q assessed %v; more than half Not applicable is not assessed, even confirmed", lead.NotAssessedReason, lead.Assessed())
	}
	hot := d.Capability("hotline") // phase 1 No, everything above Yes
	if hot.Suggested != 0 || len(hot.AboveSuggested) != len(fw.Capability("hotline").Indicators)-1 || !hot.Assessed() {
		t.Errorf("hotline: suggested %d, %d above, assessed %v", hot.Suggested, len(hot.AboveSuggested), hot.Assessed())
	}
	// Apply recomputes the whole rating.
	hot.Apply([]assessment.Answer{{IndicatorKey: "hotline-1", CapabilityKey: "hotline", Value: assessment.Yes}}, nil)
	if hot.Suggested != framework.MaxPhase || len(hot.AboveSuggested) != 0 {
		t.Errorf("after Apply: suggested %d, %d above", hot.Suggested, len(hot.AboveSuggested))
	}
}

func TestCompletion(t *testing.T) {
	fw, _ := framework.Get("2026.1")
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
	fw, _ := framework.Get("2026.1")
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
		{"not applicable without a reason", "leadership-1", assessment.AnswerInput{Value: "na"}, "note"},
		{"not applicable with a blank reason", "leadership-1", assessment.AnswerInput{Value: "na", Note: "  \n "}, "note"},
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
	in := assessment.AnswerInput{Value: "na", Note: "No national body is planned: the federal states hold this power."}
	if ans, err := in.Validate(&a, fw, "leadership-1"); err != nil || ans.Value != assessment.NA || ans.Note == "" {
		t.Fatalf("not applicable with a reason: %+v %v", ans, err)
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
