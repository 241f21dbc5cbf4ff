package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// carriedReworked marks the carried, unconfirmed answers of a capability
// whose indicator was reworded or split since the previous cycle's
// framework version (indicator key → that version), so the assessor reads
// the new wording before confirming. The previous assessment is read only
// when the capability has carried answers.
func (s *Server) carriedReworked(c echo.Context, d *assessment.Detail, cd *assessment.CapabilityDetail) (map[string]string, error) {
	out := map[string]string{}
	carried := false
	for _, a := range cd.Answers {
		carried = carried || a.CarriedForward
	}
	if !carried || d.Assessment.PreviousID == nil {
		return out, nil
	}
	prev, ok, err := s.db.PreviousAssessment(c.Request().Context(), d.Assessment)
	if err != nil || !ok {
		return out, err
	}
	reworked := d.Framework.ReworkedSince(prev.FrameworkVersion)
	for k, a := range cd.Answers {
		if _, changed := reworked[k]; changed && a.CarriedForward {
			out[k] = prev.FrameworkVersion
		}
	}
	return out, nil
}
