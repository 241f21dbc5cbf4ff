package assessment_test

import (
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

func TestIndicatorAgreement(t *testing.T) {
	y, n, p, u, na, none := assessment.Yes, assessment.No, assessment.Partly, assessment.Unknown, assessment.NA, assessment.Unanswered
	cases := []struct {
		name   string
		values []assessment.AnswerValue
		want   assessment.Agreement
	}{
		{"nobody", nil, assessment.AgreementNone},
		{"only don't know", []assessment.AnswerValue{u, u, none}, assessment.AgreementNone},
		{"one position", []assessment.AnswerValue{y}, assessment.AgreementAgree},
		{"same", []assessment.AnswerValue{y, y, y}, assessment.AgreementAgree},
		{"don't know is no position", []assessment.AnswerValue{y, u, y}, assessment.AgreementAgree},
		{"yes and no", []assessment.AnswerValue{y, n}, assessment.AgreementDisagree},
		{"partly differs from yes", []assessment.AnswerValue{p, y}, assessment.AgreementDisagree},
		{"not applicable differs", []assessment.AnswerValue{na, none, n}, assessment.AgreementDisagree},
	}
	for _, tc := range cases {
		if got := assessment.IndicatorAgreement(tc.values); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestConsolidate(t *testing.T) {
	fw, _ := framework.Get("2026.1")
	a := assessment.Assessment{ID: 9, OrganisationID: 1, Scope: []string{"law-enforcement", "leadership"}}
	cap := fw.Capability("law-enforcement")
	k0, k1 := cap.Indicators[0].Key, cap.Indicators[1].Key
	cid := int64(3)
	national := []assessment.Answer{
		{AssessmentID: 9, CapabilityKey: cap.Key, IndicatorKey: k0, Value: assessment.Yes, Source: assessment.SourceContribution, SourceContributionID: &cid},
	}
	d := assessment.NewDetail(fw, assessment.Organisation{ID: 1}, a, nil, national)
	police := assessment.Contribution{ID: 3, Status: assessment.ContributionSubmitted, Capabilities: []string{"law-enforcement"}}
	prosecution := assessment.Contribution{ID: 4, Status: assessment.ContributionSubmitted, Capabilities: []string{"law-enforcement", "leadership"}}
	helpline := assessment.Contribution{ID: 5, Status: assessment.ContributionInProgress, Capabilities: []string{"law-enforcement"}}
	other := assessment.Contribution{ID: 6, Status: assessment.ContributionSubmitted, Capabilities: []string{"leadership"}}
	answers := map[int64]map[string]assessment.Answer{
		3: {k0: {Value: assessment.Yes}, k1: {Value: assessment.Yes}},
		4: {k0: {Value: assessment.Yes}, k1: {Value: assessment.No}},
		5: {k0: {Value: assessment.No}, k1: {Value: assessment.No}}, // not submitted: not shown
	}
	got := assessment.Consolidate(d.Capability(cap.Key), []assessment.Contribution{police, prosecution, helpline, other}, answers)
	if open := assessment.OpenToConsolidate(d.Capability(cap.Key), []assessment.Contribution{police, prosecution, helpline, other}, answers); open != got.Open {
		t.Errorf("OpenToConsolidate %d, Consolidate's Open %d", open, got.Open)
	}
	if len(got.Asked) != 3 || got.In != 2 {
		t.Fatalf("asked %d, in %d; want 3 and 2", len(got.Asked), got.In)
	}
	if got.Agreement != assessment.AgreementDisagree || got.Disagreements() != 1 {
		t.Errorf("agreement %s with %d disagreements, want one disagreement", got.Agreement, got.Disagreements())
	}
	i0, i1 := got.Indicators[0], got.Indicators[1]
	if i0.Agreement != assessment.AgreementAgree || i0.Open {
		t.Errorf("%s: %s open=%v; want agreement, already adopted", k0, i0.Agreement, i0.Open)
	}
	if i1.Agreement != assessment.AgreementDisagree || !i1.Open || len(i1.Positions) != 2 {
		t.Errorf("%s: %s open=%v positions=%d", k1, i1.Agreement, i1.Open, len(i1.Positions))
	}
	if got.Consolidated() {
		t.Error("consolidated with open indicators")
	}
	// Indicators nobody answered need no decision; once every answered one
	// has provenance, the capability is consolidated.
	var all []assessment.Answer
	for _, ind := range cap.Indicators[:2] {
		all = append(all, assessment.Answer{AssessmentID: 9, CapabilityKey: cap.Key, IndicatorKey: ind.Key, Value: assessment.No, Source: assessment.SourceCoordinator, SourceReason: "court records"})
	}
	d = assessment.NewDetail(fw, assessment.Organisation{ID: 1}, a, nil, all)
	got = assessment.Consolidate(d.Capability(cap.Key), []assessment.Contribution{police, prosecution}, answers)
	if !got.Consolidated() || got.Open != 0 {
		t.Errorf("consolidated = %v, open = %d", got.Consolidated(), got.Open)
	}
	none := assessment.Consolidate(d.Capability("leadership"), []assessment.Contribution{police}, answers)
	if none.In != 0 || none.Agreement != assessment.AgreementNone || none.Consolidated() {
		t.Errorf("capability nobody was asked about: %+v", none)
	}
}

func TestDecisionNeedsReason(t *testing.T) {
	fw, _ := framework.Get("2026.1")
	a := assessment.Assessment{ID: 1, Scope: []string{"leadership"}}
	in := assessment.DecisionInput{AnswerInput: assessment.AnswerInput{Value: "yes"}, Reason: "  "}
	if _, err := in.Validate(&a, fw, "leadership-1"); err == nil {
		t.Fatal("decision without a reason accepted")
	} else if de, _ := assessment.AsError(err); de.Field != "reason" {
		t.Fatalf("err = %v, want a field error on reason", err)
	}
	in.Reason = "The decree settles it."
	got, err := in.Validate(&a, fw, "leadership-1")
	if err != nil || got.Source != assessment.SourceCoordinator || got.SourceReason != "The decree settles it." {
		t.Fatalf("decision = %+v, %v", got, err)
	}
}
