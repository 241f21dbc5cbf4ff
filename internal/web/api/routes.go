package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
)

// Register adds every route of the API under /api/v1 except those the
// pages share (exports, file downloads, the evidence bundle, workbook
// downloads), which web registers beside their pages.
func Register(add Add, d Deps) {
	h := &handlers{app: d.App, db: d.DB, fw: d.FW, i18n: d.I18n, now: d.Now, quota: d.EvidenceQuota, shown: newKeptAssessments()}
	h.coreRoutes(add)
	h.agencyRoutes(add)
	h.workflowRoutes(add)
	h.planRoutes(add)
	h.fileRoutes(add, d.WorkbookLimit)
}

// coreRoutes: the framework, organisations, assessments and their answers.
func (h *handlers) coreRoutes(add Add) {
	add(http.MethodGet, "/api/v1/assessments/:id/report", h.apiReport)
	add(http.MethodPut, "/api/v1/assessments/:id/marking", h.apiMarkingSave)
	add(http.MethodGet, "/api/v1/framework", h.apiFramework)
	add(http.MethodGet, "/api/v1/organisations", h.apiOrganisationList)
	add(http.MethodPost, "/api/v1/organisations", h.apiOrganisationCreate)
	add(http.MethodGet, "/api/v1/assessments", h.apiAssessmentList)
	add(http.MethodPost, "/api/v1/assessments", h.apiAssessmentCreate)
	add(http.MethodGet, "/api/v1/assessments/:id", h.apiAssessmentShow)
	add(http.MethodPut, "/api/v1/assessments/:id/indicators/:key", h.apiIndicatorSave(app.KindAssessment))
	add(http.MethodPut, "/api/v1/assessments/:id/capabilities/:key", h.apiCapabilitySave)
	add(http.MethodGet, "/api/v1/notifications", h.apiNotificationList)
	add(http.MethodPost, "/api/v1/notifications/read", h.apiNotificationRead)
}

// agencyRoutes: contributions and their consolidation.
func (h *handlers) agencyRoutes(add Add) {
	add(http.MethodGet, "/api/v1/assessments/:id/contributions", h.apiContributionList)
	add(http.MethodPost, "/api/v1/assessments/:id/contributions", h.apiContributionCreate)
	add(http.MethodGet, "/api/v1/contributions/:id", h.apiContributionShow)
	add(http.MethodPut, "/api/v1/contributions/:id/indicators/:key", h.apiIndicatorSave(app.KindContribution))
	add(http.MethodPost, "/api/v1/contributions/:id/submit", h.apiContributionSubmit)
	add(http.MethodGet, "/api/v1/assessments/:id/consolidation", h.apiConsolidationShow)
	add(http.MethodPost, "/api/v1/assessments/:id/consolidation/:key", h.apiConsolidate)
	add(http.MethodPost, "/api/v1/assessments/:id/capabilities/:key/adopt-agreed", h.apiConsolidationAdoptAgreed)
}

// workflowRoutes: review, comments, cycles, progress and partners.
func (h *handlers) workflowRoutes(add Add) {
	add(http.MethodPost, "/api/v1/assessments/:id/transitions", h.apiTransition)
	add(http.MethodGet, "/api/v1/assessments/:id/comments", h.apiCommentList)
	add(http.MethodPost, "/api/v1/assessments/:id/comments", h.apiCommentCreate)
	add(http.MethodPost, "/api/v1/comments/:id/resolve", h.apiCommentResolve)
	add(http.MethodPost, "/api/v1/assessments/:id/next-cycle", h.apiCycleStart)
	add(http.MethodPost, "/api/v1/assessments/:id/capabilities/:key/confirm", h.apiCarriedConfirm)
	add(http.MethodGet, "/api/v1/organisations/:id/progress", h.apiProgressShow)
	add(http.MethodGet, "/api/v1/organisations/:id/shares", h.apiShareList)
	add(http.MethodPost, "/api/v1/organisations/:id/shares", h.apiShareCreate)
	add(http.MethodDelete, "/api/v1/shares/:id", h.apiShareRevoke)
	add(http.MethodGet, "/api/v1/partner/dashboard", h.apiPartnerDashboard)
}

// planRoutes: the action plan.
func (h *handlers) planRoutes(add Add) {
	add(http.MethodGet, "/api/v1/assessments/:id/actions", h.apiActionList)
	add(http.MethodPost, "/api/v1/assessments/:id/actions", h.apiActionCreate)
	add(http.MethodGet, "/api/v1/actions/:id", h.apiActionShow)
	add(http.MethodPut, "/api/v1/actions/:id", h.apiActionSave)
	add(http.MethodDelete, "/api/v1/actions/:id", h.apiActionDelete)
}

// fileRoutes: evidence uploads and changes, and workbook imports (with
// their own, larger body limit).
func (h *handlers) fileRoutes(add Add, workbookLimit echo.MiddlewareFunc) {
	add(http.MethodPost, "/api/v1/assessments/:id/indicators/:key/files", h.apiEvidenceUpload)
	add(http.MethodPost, "/api/v1/contributions/:id/indicators/:key/files", h.apiContributionEvidenceUpload)
	add(http.MethodPost, "/api/v1/actions/:id/files", h.apiActionFileUpload)
	add(http.MethodPut, "/api/v1/files/:id", h.apiEvidenceReplace)
	add(http.MethodDelete, "/api/v1/files/:id", h.apiEvidenceDelete)
	add(http.MethodPost, "/api/v1/assessments/:id/workbook", workbookLimit(h.apiWorkbookImport(false)))
	add(http.MethodPost, "/api/v1/contributions/:id/workbook", workbookLimit(h.apiWorkbookImport(true)))
}
