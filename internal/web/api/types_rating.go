package api

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// apiRating is what the phase rule found beside the suggestion, by
// indicator key: "not_assessed_reason" ("mostly-not-applicable" when more
// than half of the indicators are Not applicable), "above_suggested" (met
// indicators of higher phases: a jagged profile), "data_gaps" (Don't know
// answers) and "not_applicable".
type apiRating struct {
	NotAssessedReason string   `json:"not_assessed_reason,omitempty"`
	AboveSuggested    []string `json:"above_suggested"`
	DataGaps          []string `json:"data_gaps"`
	NotApplicable     []string `json:"not_applicable"`
}

func apiRatingOf(r assessment.Rating) apiRating {
	return apiRating{NotAssessedReason: r.NotAssessedReason, AboveSuggested: indicatorKeys(r.AboveSuggested),
		DataGaps: indicatorKeys(r.DataGaps), NotApplicable: indicatorKeys(r.NotApplicable)}
}

// indicatorKeys lists the keys, never null in JSON.
func indicatorKeys(ins []*framework.Indicator) []string {
	out := make([]string, 0, len(ins))
	for _, in := range ins {
		out = append(out, in.Key)
	}
	return out
}
