package assessment

import "fmt"

// The pages notifications link to, in one place, so the links follow the
// routes when the shared path functions replace these.

// AssessmentLink is the path of an assessment's overview; a notification
// about the assessment links to it or to a path below it, which is how the
// notifications of a deleted organisation's assessments are found.
func AssessmentLink(assessmentID int64) string { return fmt.Sprintf("/assessments/%d", assessmentID) }

func reviewLink(assessmentID int64) string { return AssessmentLink(assessmentID) + "/review" }

func capabilityLink(assessmentID int64, key string) string {
	return AssessmentLink(assessmentID) + "/capabilities/" + key
}

func consolidationLink(assessmentID int64) string {
	return AssessmentLink(assessmentID) + "/consolidation"
}

func planActionLink(assessmentID, actionID int64) string {
	return fmt.Sprintf("%s/plan#action-%d", AssessmentLink(assessmentID), actionID)
}

func contributionLink(id int64) string { return fmt.Sprintf("/contributions/%d", id) }

const partnerLink = "/partner"
