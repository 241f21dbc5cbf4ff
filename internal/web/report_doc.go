package web

import (
	"net/http"
	"strings"
)

// reportDocRoutes are the report document's own routes (issue 14): its
// confidentiality marking, and the running header and footer of the
// browser's print in the report's language.
func (s *Server) reportDocRoutes() {
	s.add(http.MethodGet, "/assessments/:id/report/print.css", signedIn, s.reportPrintCSS)
	s.add(http.MethodPost, "/assessments/:id/marking", signedIn, s.markingSave)
}

// wantShort tells whether the request asks for the short version.
func wantShort(format string) bool { return strings.EqualFold(strings.TrimSpace(format), "short") }
