package web

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// reviewTasks are the assessments waiting for the user's review: submitted
// for review, in an organisation where the user may approve them.
func reviewTasks(p *policy.Principal, assessments []assessment.Assessment) []assessment.Assessment {
	var out []assessment.Assessment
	for i := range assessments {
		a := &assessments[i]
		if a.Status == assessment.StatusInReview && policy.CanTransition(p, a, assessment.ActionApprove) {
			out = append(out, *a)
		}
	}
	return out
}
