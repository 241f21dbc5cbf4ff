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

// routes registers every route, area by area. Handlers check the policy
// themselves; the tables only separate public pages from signed-in ones.
func (s *Server) routes() {
	s.publicRoutes()
	s.assessmentRoutes()
	s.accountRoutes()
	s.reportRoutes()
	s.agencyRoutes()
	s.workflowRoutes()
	s.apiRoutes()
	s.planRoutes()
	s.evidenceRoutes()
	s.workbookRoutes() // offline workbooks and the printable questionnaire (issue 16)
}

// healthz says the process is alive and answering; whether it can serve
// users (database, writes, disk) is /readyz's question.
func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok", "version": s.cfg.Version})
}
