package web

import (
	"net/http"

	"github.com/mnr-self-assessment/mnr/internal/app"
)

// publicRoutes are health, operations, assets, signing in and out, the
// language, and the one-time links (invitations, password resets).
func (s *Server) publicRoutes() {
	s.add(http.MethodGet, "/healthz", public, s.healthz)
	s.opsRoutes()
	s.add(http.MethodGet, "/static/:file", public, s.staticFile)
	s.add(http.MethodGet, "/login", public, s.loginShow)
	s.add(http.MethodPost, "/login", public, s.loginSubmit)
	s.add(http.MethodPost, "/logout", signedIn, s.logout)
	s.add(http.MethodPost, "/language", public, s.languageSwitch)
	s.add(http.MethodGet, "/invitations/:token", public, s.invitationShow)
	s.add(http.MethodPost, "/invitations/:token", public, s.invitationAccept)
	s.add(http.MethodGet, "/password-reset", public, s.passwordForgot)
	s.add(http.MethodPost, "/password-reset", public, s.passwordForgotSubmit)
	s.add(http.MethodGet, "/password-reset/:token", public, s.passwordResetShow)
	s.add(http.MethodPost, "/password-reset/:token", public, s.passwordResetSubmit)
}

// assessmentRoutes are home, organisations, and an assessment with its
// capabilities and answers.
func (s *Server) assessmentRoutes() {
	s.add(http.MethodGet, "/", signedIn, s.cached(s.home))
	s.add(http.MethodGet, "/organisations", signedIn, s.organisationList)
	s.add(http.MethodPost, "/organisations", signedIn, s.organisationCreate)
	s.add(http.MethodGet, "/assessments/new", signedIn, s.assessmentNew)
	s.add(http.MethodPost, "/assessments", signedIn, s.assessmentCreate)
	s.add(http.MethodGet, "/assessments/:id", signedIn, s.cached(s.assessmentShow))
	s.add(http.MethodGet, "/assessments/:id/capabilities/:key", signedIn, s.cached(s.capabilityShow(app.KindAssessment)))
	s.add(http.MethodPost, "/assessments/:id/capabilities/:key", signedIn, s.capabilitySave(app.KindAssessment))
	s.add(http.MethodPost, "/assessments/:id/indicators/:key", signedIn, s.indicatorSave(app.KindAssessment))
	s.add(http.MethodPost, "/assessments/:id/assignments", signedIn, s.assignmentSave)
}

// accountRoutes are the account, its sessions and tokens, and an
// organisation's members, invitations and activity.
func (s *Server) accountRoutes() {
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
}

// reportRoutes are the report page, its exports (also under the API) and the
// framework.
func (s *Server) reportRoutes() {
	s.add(http.MethodGet, "/assessments/:id/report", signedIn, s.cached(s.reportShow))
	for _, f := range []string{"csv", "xlsx", "json", "pdf"} {
		s.add(http.MethodGet, "/assessments/:id/export."+f, signedIn, s.exportHandler(f))
		s.add(http.MethodGet, "/api/v1/assessments/:id/export."+f, signedIn, s.exportHandler(f))
	}
	s.reportDocRoutes()
	s.add(http.MethodGet, "/framework", signedIn, s.frameworkShow)
}

// agencyRoutes are contributions, consolidation and notifications (issue 5,
// part A).
func (s *Server) agencyRoutes() {
	s.add(http.MethodGet, "/assessments/:id/contributions", signedIn, s.contributionList)
	s.add(http.MethodPost, "/assessments/:id/contributions", signedIn, s.contributionCreate)
	s.add(http.MethodGet, "/contributions/:id", signedIn, s.contributionShow)
	s.add(http.MethodPost, "/contributions/:id/submit", signedIn, s.contributionSubmit)
	s.add(http.MethodGet, "/contributions/:id/capabilities/:key", signedIn, s.cached(s.capabilityShow(app.KindContribution)))
	s.add(http.MethodPost, "/contributions/:id/capabilities/:key", signedIn, s.capabilitySave(app.KindContribution))
	s.add(http.MethodPost, "/contributions/:id/indicators/:key", signedIn, s.indicatorSave(app.KindContribution))
	s.add(http.MethodGet, "/assessments/:id/consolidation", signedIn, s.consolidationShow)
	s.add(http.MethodGet, "/assessments/:id/consolidation/:key", signedIn, s.consolidationCapability)
	s.add(http.MethodPost, "/assessments/:id/consolidation/:key/adopt", signedIn, s.consolidationAdopt)
	s.add(http.MethodPost, "/assessments/:id/consolidation/:key/decide", signedIn, s.consolidationDecide)
	s.add(http.MethodPost, "/assessments/:id/consolidation/:key/adopt-agreed", signedIn, s.consolidationAdoptAgreed)
	s.add(http.MethodGet, "/notifications", signedIn, s.notificationList)
	s.add(http.MethodPost, "/notifications/read", signedIn, s.notificationRead)
}

// workflowRoutes are review, comments, cycles, progress, sharing and
// partners (issue 5, part B).
func (s *Server) workflowRoutes() {
	s.add(http.MethodGet, "/assessments/:id/review", signedIn, s.reviewShow)
	s.add(http.MethodPost, "/assessments/:id/transitions", signedIn, s.transitionSubmit)
	s.add(http.MethodPost, "/assessments/:id/comments", signedIn, s.commentCreate)
	s.add(http.MethodPost, "/comments/:id/resolve", signedIn, s.commentResolve)
	s.add(http.MethodGet, "/assessments/:id/next-cycle", signedIn, s.cycleNew)
	s.add(http.MethodPost, "/assessments/:id/next-cycle", signedIn, s.cycleStart)
	s.add(http.MethodPost, "/assessments/:id/capabilities/:key/confirm", signedIn, s.carriedConfirm)
	s.add(http.MethodGet, "/organisations/:id/progress", signedIn, s.progressShow)
	s.add(http.MethodGet, "/organisations/:id/sharing", signedIn, s.sharingList)
	s.add(http.MethodPost, "/organisations/:id/sharing", signedIn, s.shareCreate)
	s.add(http.MethodPost, "/organisations/:id/sharing/:sid/revoke", signedIn, s.shareRevoke)
	s.add(http.MethodPost, "/organisations/:id/sharing/partner-requests", signedIn, s.partnerRequestsSet)
	s.add(http.MethodGet, "/partner", signedIn, s.partnerDashboard)
}
