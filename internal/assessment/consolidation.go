package assessment

import (
	"strings"
	"unicode/utf8"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// AnswerSource says where a national answer came from.
type AnswerSource string

// Answer sources. Typing an answer directly clears the provenance: only
// the last write speaks for the answer.
const (
	SourceTyped        AnswerSource = ""
	SourceContribution AnswerSource = "contribution" // adopted from SourceContributionID
	SourceCoordinator  AnswerSource = "coordinator"  // decided, with SourceReason
)

// Agreement compares the positions contributions took.
type Agreement string

// Agreement values.
const (
	AgreementNone     Agreement = "none"     // no contribution has taken a position yet
	AgreementAgree    Agreement = "agree"    // every position is the same
	AgreementDisagree Agreement = "disagree" // at least two differ
)

// IndicatorAgreement compares the answers contributions gave to one
// indicator. Unanswered and Don't know take no position, so they neither
// agree nor disagree with anyone.
func IndicatorAgreement(values []AnswerValue) Agreement {
	seen := AnswerValue("")
	for _, v := range values {
		if v == Unanswered || v == Unknown {
			continue
		}
		if seen != "" && v != seen {
			return AgreementDisagree
		}
		seen = v
	}
	if seen == "" {
		return AgreementNone
	}
	return AgreementAgree
}

// Position is one contribution's answer to an indicator.
type Position struct {
	Contribution Contribution
	Answer       Answer
}

// IndicatorConsolidation is one indicator seen side by side: the national
// answer and each submitted contribution's position.
type IndicatorConsolidation struct {
	Indicator *framework.Indicator
	National  Answer
	Positions []Position
	Agreement Agreement
	// Open: contributions answered it and the national answer has no
	// provenance yet, so the coordinator still has to adopt or decide.
	Open bool
}

// CapabilityConsolidation is the state of one capability's consolidation.
type CapabilityConsolidation struct {
	Capability *CapabilityDetail
	Asked      []Contribution // every contribution asked about it
	In         int            // of which submitted
	Indicators []IndicatorConsolidation
	Agreement  Agreement
	Open       int // indicators still to adopt or decide
}

// Consolidated reports whether contributions came in and every indicator
// they answered has an adopted or decided national answer.
func (c CapabilityConsolidation) Consolidated() bool {
	return c.In > 0 && c.Agreement != AgreementNone && c.Open == 0
}

// Disagreements counts the indicators on which contributions differ.
func (c CapabilityConsolidation) Disagreements() int {
	n := 0
	for _, in := range c.Indicators {
		if in.Agreement == AgreementDisagree {
			n++
		}
	}
	return n
}

// Consolidate lines up one capability: contributions that were asked about
// it, and for each indicator the positions of those submitted, whether they
// agree, and whether the national answer still needs a decision. Answers
// of contributions still in progress are not shown: the agency has not
// handed them over.
func Consolidate(cd *CapabilityDetail, contributions []Contribution, answers map[int64]map[string]Answer) CapabilityConsolidation {
	out := CapabilityConsolidation{Capability: cd, Agreement: AgreementNone}
	var in []Contribution
	for _, c := range contributions {
		if !c.Asks(cd.Capability.Key) {
			continue
		}
		out.Asked = append(out.Asked, c)
		if c.Status == ContributionSubmitted {
			in = append(in, c)
		}
	}
	out.In = len(in)
	for _, ind := range cd.Capability.Indicators {
		ic := IndicatorConsolidation{Indicator: ind, National: cd.Answer(ind.Key)}
		var values []AnswerValue
		for _, c := range in {
			a, ok := answers[c.ID][ind.Key]
			if !ok {
				a = Answer{IndicatorKey: ind.Key, CapabilityKey: cd.Capability.Key}
			}
			ic.Positions = append(ic.Positions, Position{Contribution: c, Answer: a})
			values = append(values, a.Value)
		}
		ic.Agreement = IndicatorAgreement(values)
		ic.Open = ic.Agreement != AgreementNone && ic.National.Source == SourceTyped
		if ic.Open {
			out.Open++
		}
		out.Agreement = worse(out.Agreement, ic.Agreement)
		out.Indicators = append(out.Indicators, ic)
	}
	return out
}

// worse combines per-indicator agreement into a capability's: any
// disagreement wins, then any agreement.
func worse(a, b Agreement) Agreement {
	if a == AgreementDisagree || b == AgreementDisagree {
		return AgreementDisagree
	}
	if a == AgreementAgree || b == AgreementAgree {
		return AgreementAgree
	}
	return AgreementNone
}

// DecisionInput is a coordinator writing the national answer themselves
// instead of adopting a contribution's, which needs a reason.
type DecisionInput struct {
	AnswerInput
	Reason string
}

// Validate checks the answer as any answer, and requires the reason.
func (in *DecisionInput) Validate(a *Assessment, fw *framework.Framework, indicatorKey string) (Answer, error) {
	ans, err := in.AnswerInput.Validate(a, fw, indicatorKey)
	if err != nil {
		return ans, err
	}
	in.Reason = strings.TrimSpace(in.Reason)
	if in.Reason == "" {
		return Answer{}, FieldError("reason", "a reason is required: say why the national answer is what it is (for example which evidence settles it)")
	}
	// The length in a whole sentence naming the reason, so that pages can
	// translate it; then the rules for text of several lines.
	if n := utf8.RuneCountInString(in.Reason); n > MaxJustification {
		return Answer{}, FieldError("reason", "the reason is %d characters long; the limit is %d", n, MaxJustification)
	}
	if err := CheckText("reason", in.Reason); err != nil {
		return Answer{}, err
	}
	ans.Source, ans.SourceReason = SourceCoordinator, in.Reason
	return ans, nil
}
