package policy

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// Evidence files follow the answer they belong to: whoever may read the
// answer may read its files, whoever may change it may attach, replace and
// remove them. c is nil for the assessment's own (national) answers.
// Partners a report is shared with read the list of files in the report's
// annex, not the documents: those stay with the organisation.

// CanViewEvidence: members of the assessment's organisation for its own
// files; for a contribution's, whoever may read the contribution.
func CanViewEvidence(p *Principal, a *assessment.Assessment, c *assessment.Contribution) bool {
	if c != nil {
		return CanViewContribution(p, a, c)
	}
	return CanViewAssessment(p, a)
}

// CanEditEvidence: whoever may change the indicator's answer.
func CanEditEvidence(p *Principal, a *assessment.Assessment, c *assessment.Contribution, capabilityKey string) bool {
	if c != nil {
		return CanEditContribution(p, c)
	}
	return CanEditCapability(p, a, capabilityKey)
}

// EvidenceRefusal is the 403 saying why CanEditEvidence said no.
func EvidenceRefusal(p *Principal, a *assessment.Assessment, c *assessment.Contribution, capabilityKey string) *assessment.Error {
	if c != nil {
		return ContributionRefusal(p, c)
	}
	return EditRefusal(p, a, capabilityKey)
}
