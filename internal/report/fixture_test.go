package report

import (
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

var (
	fixtureOrg = assessment.Organisation{ID: 1, Name: "National Coordinating Committee", Kind: assessment.KindCoordinating, Country: "JO"}
	fixtureAt  = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
	formula    = `=HYPERLINK("http://example.invalid","click")`
)

func mustFramework(tb testing.TB) *framework.Framework {
	tb.Helper()
	fw, err := framework.Get("2026.1")
	if err != nil {
		tb.Fatalf("framework: %v", err)
	}
	return fw
}

func ptr(v int) *int { return &v }

// answersFor answers every indicator of a capability with value(indicator);
// an empty value leaves the indicator unanswered.
func answersFor(fw *framework.Framework, capKey string, value func(in *framework.Indicator) assessment.AnswerValue) []assessment.Answer {
	var out []assessment.Answer
	for _, in := range fw.Capability(capKey).Indicators {
		v := value(in)
		if v == assessment.Unanswered {
			continue
		}
		out = append(out, assessment.Answer{
			AssessmentID: 7, IndicatorKey: in.Key, CapabilityKey: capKey, Value: v,
			Version: 1, UpdatedAt: fixtureAt, UpdatedBy: "amal@example.org",
		})
	}
	return out
}

// byPhase answers by indicator phase: vals[p-1] for phase p.
func byPhase(vals ...assessment.AnswerValue) func(in *framework.Indicator) assessment.AnswerValue {
	return func(in *framework.Indicator) assessment.AnswerValue { return vals[in.Phase-1] }
}

// fixtureDetail is the hand-made assessment the tests share:
//
//	leadership            all Yes to phase 2, rest Partly/No → phase 2 (suggested), target 3
//	research-analysis     suggested 1, confirmed 2 with justification, target 4
//	legislation           Not applicable answers (with reasons), suggested 3, no target
//	law-enforcement       partly answered, no confirmation → not assessed, target 2
//	judiciary-prosecutors nothing answered → not assessed
//	hotline               all No, confirmed 0 → assessed at 0, target 1
func fixtureDetail(tb testing.TB) *assessment.Detail {
	fw := mustFramework(tb)
	a := assessment.Assessment{
		ID: 7, OrganisationID: 1, Title: "National MNR self-assessment", Period: "2026",
		FrameworkVersion: fw.Version, Status: assessment.StatusInReview,
		Scope: []string{"leadership", "research-analysis", "legislation", "law-enforcement", "judiciary-prosecutors", "hotline"},
	}
	Y, P, N, U, NA := assessment.Yes, assessment.Partly, assessment.No, assessment.Unknown, assessment.NA
	var answers []assessment.Answer
	lead := answersFor(fw, "leadership", byPhase(Y, Y, P, N))
	lead[0].Evidence = formula
	lead[0].Note = "Decree 12/2024 names the committee."
	lead[1].Links = []string{"https://example.gov/tor.pdf", "https://example.gov/minutes.pdf"}
	lead[2].Evidence = "National plan adopted by cabinet, 2025."
	lead[3].Note = "+ budget line pending"
	answers = append(answers, lead...)

	research := answersFor(fw, "research-analysis", byPhase(Y, Y, N, N))
	for i := range research {
		if research[i].IndicatorKey == fw.Capability("research-analysis").IndicatorsByPhase(2)[1].Key {
			research[i].Value = P
		}
	}
	answers = append(answers, research...)

	// Every phase up to 3 keeps an indicator that applies: a phase whose
	// indicators are all Not applicable would not be reached.
	leg := fw.Capability("legislation")
	legVals := map[string]assessment.AnswerValue{
		leg.IndicatorsByPhase(1)[0].Key: Y, leg.IndicatorsByPhase(1)[1].Key: NA,
		leg.IndicatorsByPhase(2)[0].Key: Y, leg.IndicatorsByPhase(2)[1].Key: NA,
		leg.IndicatorsByPhase(3)[0].Key: Y, leg.IndicatorsByPhase(3)[1].Key: Y, leg.IndicatorsByPhase(3)[2].Key: NA,
	}
	legAnswers := answersFor(fw, "legislation", func(in *framework.Indicator) assessment.AnswerValue {
		if v, ok := legVals[in.Key]; ok {
			return v
		}
		return U
	})
	for i := range legAnswers {
		if legAnswers[i].Value == NA {
			legAnswers[i].Note = "Not applicable: the federal states legislate on this, not the national parliament."
		}
	}
	answers = append(answers, legAnswers...)

	le := fw.Capability("law-enforcement")
	answers = append(answers, answersFor(fw, "law-enforcement", func(in *framework.Indicator) assessment.AnswerValue {
		if in.Phase == 1 || in.Key == le.IndicatorsByPhase(2)[0].Key {
			return Y
		}
		return assessment.Unanswered
	})...)

	answers = append(answers, answersFor(fw, "hotline", byPhase(N, N, N, N))...)

	states := []assessment.CapabilityState{
		{AssessmentID: 7, CapabilityKey: "leadership", Target: ptr(3), Priority: assessment.PriorityMedium, Lead: "Ministry of Interior", Version: 2},
		{AssessmentID: 7, CapabilityKey: "research-analysis", Confirmed: ptr(2), Target: ptr(4), Priority: assessment.PriorityHigh,
			Justification: "The data-sharing agreement was signed after the answers were recorded.", Version: 3, UpdatedBy: "amal@example.org", UpdatedAt: fixtureAt},
		{AssessmentID: 7, CapabilityKey: "law-enforcement", Target: ptr(2), Priority: assessment.PriorityHigh, Lead: "-Police cybercrime unit"},
		{AssessmentID: 7, CapabilityKey: "hotline", Confirmed: ptr(0), Target: ptr(1), Priority: assessment.PriorityLow},
	}
	return assessment.NewDetail(fw, fixtureOrg, a, states, answers)
}

// previousDetail is the 2024 cycle: leadership was at 1 (moves up to 2),
// research-analysis at 3 (slips to 2), legislation at 3 (unchanged); the
// hotline was outside its scope.
func previousDetail(tb testing.TB) *assessment.Detail {
	fw := mustFramework(tb)
	a := assessment.Assessment{
		ID: 3, OrganisationID: 1, Title: "First MNR self-assessment", Period: "2024",
		FrameworkVersion: fw.Version, Status: assessment.StatusApproved,
		Scope: []string{"leadership", "research-analysis", "legislation", "law-enforcement", "judiciary-prosecutors"},
	}
	states := []assessment.CapabilityState{
		{CapabilityKey: "leadership", Confirmed: ptr(1), Justification: "Committee named."},
		{CapabilityKey: "research-analysis", Confirmed: ptr(3), Justification: "Analysis endorsed."},
		{CapabilityKey: "legislation", Confirmed: ptr(3), Justification: "Law passed."},
	}
	return assessment.NewDetail(fw, fixtureOrg, a, states, nil)
}

// nationalDetail is a 21-capability assessment with every indicator
// answered, varied by capability number, for the benchmark.
func nationalDetail(tb testing.TB, id int64, shift int) *assessment.Detail {
	fw := mustFramework(tb)
	a := assessment.Assessment{ID: id, OrganisationID: 1, Title: "National assessment", Period: "2026", FrameworkVersion: fw.Version}
	var answers []assessment.Answer
	var states []assessment.CapabilityState
	for _, c := range fw.Capabilities() {
		a.Scope = append(a.Scope, c.Key)
		reach := (c.Number + shift) % (framework.MaxPhase + 1)
		answers = append(answers, answersFor(fw, c.Key, func(in *framework.Indicator) assessment.AnswerValue {
			if in.Phase <= reach {
				return assessment.Yes
			}
			return assessment.No
		})...)
		states = append(states, assessment.CapabilityState{CapabilityKey: c.Key, Target: ptr(min(reach+1, framework.MaxPhase))})
	}
	for i := range answers {
		answers[i].Evidence = "Evidence document " + answers[i].IndicatorKey
		answers[i].Links = []string{"https://example.gov/" + answers[i].IndicatorKey}
	}
	return assessment.NewDetail(fw, fixtureOrg, a, states, answers)
}
