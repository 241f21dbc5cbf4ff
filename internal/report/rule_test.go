package report

import (
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// ruleDetail answers leadership (phases 1,2,2,3,3,4,4) with phase 1 Yes,
// both phase-2 indicators Not applicable and everything above Yes, and the
// hotline with its phase-1 indicator Partly and everything else No.
func ruleDetail(tb testing.TB) *assessment.Detail {
	fw := mustFramework(tb)
	a := assessment.Assessment{ID: 9, OrganisationID: 1, Title: "Rule", Period: "2026", FrameworkVersion: fw.Version,
		Status: assessment.StatusDraft, Scope: []string{"leadership", "hotline"}}
	answers := answersFor(fw, "leadership", func(in *framework.Indicator) assessment.AnswerValue {
		if in.Phase == 2 {
			return assessment.NA
		}
		return assessment.Yes
	})
	for i := range answers {
		if answers[i].Value == assessment.NA {
			answers[i].Note = "Said not to apply."
		}
	}
	answers = append(answers, answersFor(fw, "hotline", func(in *framework.Indicator) assessment.AnswerValue {
		if in.Phase == 1 {
			return assessment.Partly
		}
		return assessment.No
	})...)
	return assessment.NewDetail(fw, fixtureOrg, a, nil, answers)
}

// The report places capabilities by the phase rule: a phase answered Not
// applicable throughout is not reached, and its indicators are the next
// steps; Partly on phase 1 reaches Building.
func TestReportFollowsThePhaseRule(t *testing.T) {
	r := BuildAt(ruleDetail(t), nil, "en", fixtureAt)
	lead := r.Capability("leadership")
	if lead.Score.Phase == nil || *lead.Score.Phase != 1 || lead.Score.Suggested != 1 {
		t.Fatalf("leadership phase %v suggested %d, want 1: a phase all Not applicable is not passed", lead.Score.Phase, lead.Score.Suggested)
	}
	if len(lead.NextSteps) != 2 {
		t.Fatalf("leadership next steps = %d, want the 2 Not applicable phase-2 indicators", len(lead.NextSteps))
	}
	for _, l := range lead.NextSteps {
		if l.Phase != 2 || l.Value != assessment.NA {
			t.Errorf("next step %s: phase %d value %q", l.Key, l.Phase, l.Value)
		}
	}
	hot := r.Capability("hotline")
	if hot.Score.Phase == nil || *hot.Score.Phase != 1 || hot.PhaseName != "Building" {
		t.Errorf("hotline phase %v %q, want Building: Partly on phase 1 is Building", hot.Score.Phase, hot.PhaseName)
	}
	// Phase 2 needs phase 1 answered Yes: the Partly indicator is a next step.
	partly := false
	for _, l := range hot.NextSteps {
		partly = partly || (l.Phase == 1 && l.Value == assessment.Partly)
	}
	if !partly {
		t.Errorf("hotline next steps %v lack the phase-1 Partly indicator", hot.NextSteps)
	}
}
