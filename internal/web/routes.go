package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// access says who may reach a route before the handler's own policy check.
type access int

const (
	public   access = iota // anyone, signed in or not
	signedIn               // any signed-in user (session or token)
)

// routeAccess records each route's gate so tests can walk them all.
var routeAccess = map[string]access{}

func (s *Server) add(method, path string, a access, h echo.HandlerFunc) {
	routeAccess[method+" "+path] = a
	if a == signedIn {
		h = requireUser(h)
	}
	s.echo.Add(method, path, h)
}

// routes registers every route. Handlers check the policy themselves;
// this table only separates public pages from signed-in ones.
func (s *Server) routes() {
	s.add(http.MethodGet, "/healthz", public, s.healthz)
	s.add(http.MethodGet, "/static/:file", public, s.staticFile)
	s.add(http.MethodGet, "/login", public, s.loginShow)
	s.add(http.MethodPost, "/login", public, s.loginSubmit)
	s.add(http.MethodPost, "/logout", signedIn, s.logout)

	s.add(http.MethodGet, "/", signedIn, s.home)
	s.add(http.MethodGet, "/organisations", signedIn, s.organisationList)
	s.add(http.MethodPost, "/organisations", signedIn, s.organisationCreate)
	s.add(http.MethodGet, "/assessments/new", signedIn, s.assessmentNew)
	s.add(http.MethodPost, "/assessments", signedIn, s.assessmentCreate)
	s.add(http.MethodGet, "/assessments/:id", signedIn, s.assessmentShow)
	s.add(http.MethodGet, "/assessments/:id/capabilities/:key", signedIn, s.capabilityShow)
	s.add(http.MethodPost, "/assessments/:id/capabilities/:key", signedIn, s.capabilitySave)
	s.add(http.MethodPost, "/assessments/:id/indicators/:key", signedIn, s.indicatorSave)

	s.add(http.MethodGet, "/api/v1/framework", signedIn, s.apiFramework)
	s.add(http.MethodGet, "/api/v1/organisations", signedIn, s.apiOrganisationList)
	s.add(http.MethodPost, "/api/v1/organisations", signedIn, s.apiOrganisationCreate)
	s.add(http.MethodGet, "/api/v1/assessments", signedIn, s.apiAssessmentList)
	s.add(http.MethodPost, "/api/v1/assessments", signedIn, s.apiAssessmentCreate)
	s.add(http.MethodGet, "/api/v1/assessments/:id", signedIn, s.apiAssessmentShow)
	s.add(http.MethodPut, "/api/v1/assessments/:id/indicators/:key", signedIn, s.apiIndicatorSave)
	s.add(http.MethodPut, "/api/v1/assessments/:id/capabilities/:key", signedIn, s.apiCapabilitySave)
}

func (s *Server) healthz(c echo.Context) error {
	if err := s.db.Ping(c.Request().Context()); err != nil {
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ok", "version": s.cfg.Version})
}
