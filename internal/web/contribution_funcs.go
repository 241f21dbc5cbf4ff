package web

import (
	"html/template"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

var contributionStatusLabels = map[assessment.ContributionStatus]string{
	assessment.ContributionInvited: "Invited", assessment.ContributionInProgress: "In progress", assessment.ContributionSubmitted: "Submitted",
}

// contributionFuncs are the template functions of the contribution,
// consolidation and notification pages; the policy ones let pages show
// only the links a user may follow.
func (s *Server) contributionFuncs() template.FuncMap {
	return template.FuncMap{
		"contributionStatus":   func(st assessment.ContributionStatus) string { return contributionStatusLabels[st] },
		"canViewContributions": func(p *policy.Principal, a assessment.Assessment) bool { return policy.CanViewContributions(p, &a) },
		"adoptedFrom": func(a assessment.Answer, contributionID int64) bool {
			return a.Source == assessment.SourceContribution && a.SourceContributionID != nil && *a.SourceContributionID == contributionID
		},
	}
}
