package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// provenanceText says, in tr's language, where a national answer came
// from; "" when typed.
func provenanceText(tr *i18n.Translator, a assessment.Answer, contributions []assessment.Contribution) string {
	switch a.Source {
	case assessment.SourceContribution:
		for _, cn := range contributions {
			if a.SourceContributionID != nil && cn.ID == *a.SourceContributionID {
				return tr.T("ConsolFromContribution", "Agency", cn.Agency.Name)
			}
		}
		return tr.T("ConsolFromUnknownAgency")
	case assessment.SourceCoordinator:
		return tr.T("ConsolCoordinatorDecision", "Reason", a.SourceReason)
	}
	return ""
}

// provenanceOf maps each indicator of a capability whose national answer
// was adopted or decided to the text saying so.
func provenanceOf(tr *i18n.Translator, cd *assessment.CapabilityDetail, contributions []assessment.Contribution) map[string]string {
	out := map[string]string{}
	for key, a := range cd.Answers {
		if t := provenanceText(tr, a, contributions); t != "" {
			out[key] = t
		}
	}
	return out
}

// capabilityProvenance is provenanceOf for the national capability page, in
// the page's language, reading the agencies' names only when some answer
// came from one.
func (s *Server) capabilityProvenance(c echo.Context, d *assessment.Detail, cd *assessment.CapabilityDetail) (map[string]string, error) {
	var list []assessment.Contribution
	for _, a := range cd.Answers {
		if a.Source == assessment.SourceContribution {
			var err error
			if list, err = s.db.Contributions(c.Request().Context(), d.Assessment.ID); err != nil {
				return nil, err
			}
			break
		}
	}
	return provenanceOf(s.translator(c), cd, list), nil
}
