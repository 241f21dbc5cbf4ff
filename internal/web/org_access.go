package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// loadOrganisation reads the organisation named by :id for a page guarded
// by allowed (app.Organisation): 404 for whoever may not see it, 403 with
// the refusal for whoever sees it but lacks the right.
func (s *Server) loadOrganisation(c echo.Context, allowed func(*policy.Principal, int64) bool, refusal string) (assessment.Organisation, error) {
	return httpx.Organisation(c, s.app, allowed, refusal)
}
