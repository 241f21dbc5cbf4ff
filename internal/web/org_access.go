package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// loadOrganisation reads the organisation named by :id for a page guarded
// by allowed. Whoever may not see the organisation at all gets 404, so its
// existence is not revealed; someone who sees it but lacks the right gets
// 403 with the reason.
func (s *Server) loadOrganisation(c echo.Context, allowed func(*policy.Principal, int64) bool, refusal string) (assessment.Organisation, error) {
	id, err := paramID(c, "id", "organisation")
	if err != nil {
		return assessment.Organisation{}, err
	}
	p := principal(c)
	if !policy.CanViewOrganisation(p, id) {
		return assessment.Organisation{}, assessment.NotFound("organisation")
	}
	o, err := s.db.Organisation(c.Request().Context(), id)
	if err != nil {
		return o, err
	}
	if !allowed(p, id) {
		// The refusal is also its message id, so pages can show it translated.
		return o, &assessment.Error{Code: assessment.EFORBIDDEN, Message: refusal, Format: refusal}
	}
	return o, nil
}
