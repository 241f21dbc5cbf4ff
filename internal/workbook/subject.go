package workbook

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// Subject is what a workbook or a printed questionnaire is made from and
// imported into, read: an assessment, or one agency's contribution (CD
// set), with the Target that names it.
type Subject struct {
	Detail *assessment.Detail
	CD     *assessment.ContributionDetail
	Target Target
}
