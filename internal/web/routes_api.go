package web

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/mnr-self-assessment/mnr/internal/web/api"
)

// apiRoutes registers the JSON API (package api), every route for
// signed-in callers, with what it shares with the pages.
func (s *Server) apiRoutes() {
	api.Register(func(method, path string, h echo.HandlerFunc) { s.add(method, path, signedIn, h) }, api.Deps{
		App: s.app, DB: s.db, FW: s.fw, I18n: s.i18n, Now: s.cfg.Now, EvidenceQuota: s.evidenceQuota(),
		WorkbookLimit: middleware.BodyLimit(workbookBodyLimit),
	})
}
