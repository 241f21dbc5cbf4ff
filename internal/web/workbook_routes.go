package web

import (
	"net/http"

	"github.com/labstack/echo/v4/middleware"
)

// workbookRoutes registers the offline workbook (download, upload with
// preview, confirmation) and the printable questionnaire, for assessments
// and for agencies' contributions alike. Uploads have their own body
// limit (workbookBodyLimit).
func (s *Server) workbookRoutes() {
	limit := middleware.BodyLimit(workbookBodyLimit)
	for _, base := range []struct {
		path         string
		contribution bool
	}{{"/assessments/:id", false}, {"/contributions/:id", true}} {
		s.add(http.MethodGet, base.path+"/workbook.xlsx", signedIn, s.workbookDownload(base.contribution))
		s.add(http.MethodGet, "/api/v1"+base.path+"/workbook.xlsx", signedIn, s.workbookDownload(base.contribution))
		s.add(http.MethodGet, base.path+"/workbook", signedIn, s.workbookShow(base.contribution))
		s.add(http.MethodPost, base.path+"/workbook", signedIn, limit(s.workbookImport(base.contribution)))
		s.add(http.MethodGet, base.path+"/questionnaire", signedIn, s.questionnaireShow(base.contribution))
		s.add(http.MethodGet, base.path+"/questionnaire.pdf", signedIn, s.questionnairePDF(base.contribution))
	}
}
