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
	s.add(http.MethodPost, "/language", public, s.languageSwitch)

	s.add(http.MethodGet, "/", signedIn, s.home)
	s.add(http.MethodGet, "/organisations", signedIn, s.organisationList)
	s.add(http.MethodPost, "/organisations", signedIn, s.organisationCreate)
	s.add(http.MethodGet, "/assessments/new", signedIn, s.assessmentNew)
	s.add(http.MethodPost, "/assessments", signedIn, s.assessmentCreate)
	s.add(http.MethodGet, "/assessments/:id", signedIn, s.assessmentShow)
	s.add(http.MethodGet, "/assessments/:id/capabilities/:key", signedIn, s.capabilityShow)
	s.add(http.MethodPost, "/assessments/:id/capabilities/:key", signedIn, s.capabilitySave)
	s.add(http.MethodPost, "/assessments/:id/indicators/:key", signedIn, s.indicatorSave)
	s.add(http.MethodPost, "/assessments/:id/assignments", signedIn, s.assignmentSave)

	s.add(http.MethodGet, "/account", signedIn, s.accountShow)
	s.add(http.MethodPost, "/account/profile", signedIn, s.profileSave)
	s.add(http.MethodPost, "/account/password", signedIn, s.passwordChange)
	s.add(http.MethodGet, "/account/sessions", signedIn, s.sessionList)
	s.add(http.MethodPost, "/account/sessions/end-all", signedIn, s.sessionEndAll)
	s.add(http.MethodGet, "/account/tokens", signedIn, s.tokenList)
	s.add(http.MethodPost, "/account/tokens", signedIn, s.tokenCreate)
	s.add(http.MethodPost, "/account/tokens/:id/revoke", signedIn, s.tokenRevoke)
	s.add(http.MethodGet, "/organisations/:id/members", signedIn, s.memberList)
	s.add(http.MethodPost, "/organisations/:id/members/:uid/role", signedIn, s.memberRole)
	s.add(http.MethodPost, "/organisations/:id/members/:uid/remove", signedIn, s.memberRemove)
	s.add(http.MethodPost, "/organisations/:id/invitations", signedIn, s.invitationCreate)
	s.add(http.MethodPost, "/organisations/:id/invitations/:inv/revoke", signedIn, s.invitationRevoke)
	s.add(http.MethodGet, "/organisations/:id/activity", signedIn, s.activityList)
	s.add(http.MethodPost, "/users/:id/password-reset", signedIn, s.passwordResetCreate)
	s.add(http.MethodGet, "/invitations/:token", public, s.invitationShow)
	s.add(http.MethodPost, "/invitations/:token", public, s.invitationAccept)
	s.add(http.MethodGet, "/password-reset", public, s.passwordForgot)
	s.add(http.MethodPost, "/password-reset", public, s.passwordForgotSubmit)
	s.add(http.MethodGet, "/password-reset/:token", public, s.passwordResetShow)
	s.add(http.MethodPost, "/password-reset/:token", public, s.passwordResetSubmit)
	s.add(http.MethodGet, "/assessments/:id/report", signedIn, s.reportShow)
	for _, f := range []string{"csv", "xlsx", "json", "pdf"} {
		s.add(http.MethodGet, "/assessments/:id/export."+f, signedIn, s.exportHandler(f))
		s.add(http.MethodGet, "/api/v1/assessments/:id/export."+f, signedIn, s.exportHandler(f))
	}
	s.add(http.MethodGet, "/api/v1/assessments/:id/report", signedIn, s.apiReport)

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
