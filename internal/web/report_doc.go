package web

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// reportDocRoutes are the report document's own routes (issue 14): its
// confidentiality marking, and the running header and footer of the
// browser's print in the report's language.
func (s *Server) reportDocRoutes() {
	s.add(http.MethodGet, "/assessments/:id/report/print.css", signedIn, s.reportPrintCSS)
	s.add(http.MethodPost, "/assessments/:id/marking", signedIn, s.markingSave)
}

// reportDocFuncs are the report templates' helpers.
func reportDocFuncs(tr *i18n.Translator) template.FuncMap {
	return template.FuncMap{
		"markings": func() []assessment.Marking { return assessment.Markings },
		"joinList": func(l []string) string { return strings.Join(l, tr.T("ReportListSep")) },
	}
}

// wantShort tells whether the request asks for the short version.
func wantShort(format string) bool { return strings.EqualFold(strings.TrimSpace(format), "short") }
