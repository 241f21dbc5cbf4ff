package assessment

import "github.com/mnr-self-assessment/mnr/internal/links"

// The pages notifications link to, from the application's path functions
// (internal/links), so the links follow the routes.

// AssessmentLink is the path of an assessment's overview; a notification
// about the assessment links to it or to a path below it, which is how the
// notifications of a deleted organisation's assessments are found.
func AssessmentLink(assessmentID int64) string { return links.Assessment(assessmentID) }

func reviewLink(assessmentID int64) string { return links.Review(assessmentID) }

func capabilityLink(assessmentID int64, key string) string {
	return links.Capability(assessmentID, key)
}

func consolidationLink(assessmentID int64) string {
	return links.Consolidation(assessmentID)
}

func planActionLink(assessmentID, actionID int64) string {
	return links.PlanAction(assessmentID, actionID)
}

func contributionLink(id int64) string { return links.Contribution(id) }

var partnerLink = links.Partner()
