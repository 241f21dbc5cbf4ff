package assessment

import "fmt"

// The pages notifications link to, in one place, so the links follow the
// routes when the shared path functions replace these.

func reviewLink(assessmentID int64) string {
	return fmt.Sprintf("/assessments/%d/review", assessmentID)
}

func capabilityLink(assessmentID int64, key string) string {
	return fmt.Sprintf("/assessments/%d/capabilities/%s", assessmentID, key)
}

func consolidationLink(assessmentID int64) string {
	return fmt.Sprintf("/assessments/%d/consolidation", assessmentID)
}

func planActionLink(assessmentID, actionID int64) string {
	return fmt.Sprintf("/assessments/%d/plan#action-%d", assessmentID, actionID)
}

func contributionLink(id int64) string { return fmt.Sprintf("/contributions/%d", id) }

const partnerLink = "/partner"
