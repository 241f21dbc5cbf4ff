package web

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/web/api"
)

// apiRoutes registers the JSON API (package api), every route for
// signed-in callers, with what it shares with the pages.
func (s *Server) apiRoutes() {
	api.Register(func(method, path string, h echo.HandlerFunc) { s.add(method, path, signedIn, h) }, api.Deps{
		App: s.app, DB: s.db, FW: s.fw, I18n: s.i18n, Now: s.cfg.Now, Web: apiWeb{s},
		WorkbookLimit: middleware.BodyLimit(workbookBodyLimit),
	})
}

// apiWeb lends the API the loaders and actions it shares with the pages
// (api.Web). Each goes once its use case is in internal/app.
type apiWeb struct{ s *Server }

func (w apiWeb) LoadContribution(c echo.Context) (*assessment.ContributionDetail, error) {
	return w.s.loadContribution(c)
}
func (w apiWeb) LoadConsolidation(c echo.Context) (*assessment.Detail, []assessment.Contribution, map[int64]map[string]assessment.Answer, error) {
	return w.s.loadConsolidation(c)
}
func (w apiWeb) LoadReport(c echo.Context) (*report.Report, *assessment.Detail, error) {
	return w.s.loadReport(c)
}
func (w apiWeb) LoadProgress(c echo.Context) (assessment.Organisation, *report.Progress, error) {
	return w.s.loadProgress(c)
}
func (w apiWeb) TranslatorFor(c echo.Context, lang string) *i18n.Translator {
	return w.s.translatorFor(c, lang)
}
