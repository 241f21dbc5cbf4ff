package assessment_test

import (
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// TestUnanimous: only open indicators on which every submitted
// contribution gave the same real answer are adopted in one step, from the
// first agreeing contribution, at the national answer's version.
func TestUnanimous(t *testing.T) {
	fw, _ := framework.Default()
	a := assessment.Assessment{ID: 9, OrganisationID: 1, Scope: []string{"law-enforcement"}}
	cp := fw.Capability("law-enforcement")
	if len(cp.Indicators) < 5 {
		t.Fatalf("law-enforcement has %d indicators", len(cp.Indicators))
	}
	k := func(i int) string { return cp.Indicators[i].Key }
	src := int64(4)
	national := []assessment.Answer{
		{AssessmentID: 9, CapabilityKey: cp.Key, IndicatorKey: k(0), Value: assessment.Partly, Version: 2}, // typed: still open
		{AssessmentID: 9, CapabilityKey: cp.Key, IndicatorKey: k(4), Value: assessment.Yes, Version: 1,
			Source: assessment.SourceContribution, SourceContributionID: &src}, // adopted already
	}
	d := assessment.NewDetail(fw, assessment.Organisation{ID: 1}, a, nil, national)
	police := assessment.Contribution{ID: 3, Status: assessment.ContributionSubmitted, Capabilities: []string{cp.Key}}
	prosecution := assessment.Contribution{ID: 4, Status: assessment.ContributionSubmitted, Capabilities: []string{cp.Key}}
	late := assessment.Contribution{ID: 5, Status: assessment.ContributionInProgress, Capabilities: []string{cp.Key}}
	y, n, u := assessment.Yes, assessment.No, assessment.Unknown
	answers := map[int64]map[string]assessment.Answer{
		3: {k(0): {Value: y}, k(1): {Value: n}, k(2): {Value: y}, k(3): {Value: u}, k(4): {Value: y}},
		4: {k(0): {Value: y}, k(1): {Value: n}, k(2): {Value: n}, k(3): {Value: y}, k(4): {Value: y}},
		5: {k(0): {Value: n}, k(1): {Value: y}}, // not submitted: no say
	}
	got := assessment.Consolidate(d.Capability(cp.Key), []assessment.Contribution{police, prosecution, late}, answers).Unanimous()
	want := []assessment.Adoption{{IndicatorKey: k(0), ContributionID: 3, Version: 2}, {IndicatorKey: k(1), ContributionID: 3, Version: 0}}
	if len(got) != len(want) {
		t.Fatalf("adoptions %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("adoption %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
