// Package api is the JSON API v1: the same use cases as the HTML pages,
// JSON in and out. It never imports package web; web registers it (Register)
// and passes what both share in Deps. Errors go back to web's one error
// handler, which renders them with NewErrorBody.
package api

import (
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// Deps is what the API needs from the server that hosts it.
type Deps struct {
	App  *app.App             // the use cases
	DB   *store.Store         // plain reads where no use case exists yet
	FW   *framework.Framework // the current framework (GET /api/v1/framework)
	I18n *i18n.Bundle         // the request's language, notification texts
	Now  func() time.Time     // the server's clock
	// EvidenceQuota is the bytes of files each organisation may keep.
	EvidenceQuota int64

	// WorkbookLimit is the larger body limit of workbook uploads.
	WorkbookLimit echo.MiddlewareFunc
}

// handlers are the API's routes; each parses, calls and answers JSON.
type handlers struct {
	app   *app.App
	db    *store.Store
	fw    *framework.Framework
	i18n  *i18n.Bundle
	now   func() time.Time
	quota int64 // Deps.EvidenceQuota

	shown *keptAssessments // GET /api/v1/assessments/{id}, while nothing has changed
}

// Add registers one route for signed-in callers; web's router records it
// for the authorization matrix and answers 401 without a principal.
type Add func(method, path string, h echo.HandlerFunc)

// detail reads the assessment of :id for a member who may see it.
func (s *handlers) detail(c echo.Context) (*assessment.Detail, error) {
	return httpx.Detail(c, s.app, policy.CanViewAssessment)
}
