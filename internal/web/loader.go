package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// paramID parses a numeric path parameter; anything else is "not found".
func paramID(c echo.Context, name, what string) (int64, error) { return httpx.ParamID(c, name, what) }

// loadDetail reads an assessment the principal may see, with its pinned
// framework. Another organisation's assessment is "not found".
func (s *Server) loadDetail(c echo.Context) (*assessment.Detail, error) {
	return s.loadDetailFor(c, policy.CanViewAssessment)
}

// loadDetailFor is loadDetail with the visibility rule given, for pages
// that others than members may read (a report shared with a partner).
func (s *Server) loadDetailFor(c echo.Context, visible func(*policy.Principal, *assessment.Assessment) bool) (*assessment.Detail, error) {
	return httpx.Detail(c, s.app, visible)
}

// capabilityIn returns the capability of the detail named by the :key
// parameter, or not found.
func capabilityIn(d *assessment.Detail, key string) (*assessment.CapabilityDetail, error) {
	return d.InScope(key)
}
