package web

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// provenanceText says where a national answer came from; "" when typed.
func provenanceText(a assessment.Answer, contributions []assessment.Contribution) string {
	switch a.Source {
	case assessment.SourceContribution:
		name := "an agency"
		for _, cn := range contributions {
			if a.SourceContributionID != nil && cn.ID == *a.SourceContributionID {
				name = cn.Agency.Name
			}
		}
		return "From: " + name + "'s contribution"
	case assessment.SourceCoordinator:
		return "Coordinator decision: " + a.SourceReason
	}
	return ""
}

// provenanceOf maps each indicator of a capability whose national answer
// was adopted or decided to the text saying so.
func provenanceOf(cd *assessment.CapabilityDetail, contributions []assessment.Contribution) map[string]string {
	out := map[string]string{}
	for key, a := range cd.Answers {
		if t := provenanceText(a, contributions); t != "" {
			out[key] = t
		}
	}
	return out
}

// capabilityProvenance is provenanceOf for the national capability page,
// reading the agencies' names only when some answer came from one.
func (s *Server) capabilityProvenance(ctx context.Context, d *assessment.Detail, cd *assessment.CapabilityDetail) (map[string]string, error) {
	var list []assessment.Contribution
	for _, a := range cd.Answers {
		if a.Source == assessment.SourceContribution {
			var err error
			if list, err = s.db.Contributions(ctx, d.Assessment.ID); err != nil {
				return nil, err
			}
			break
		}
	}
	return provenanceOf(cd, list), nil
}
