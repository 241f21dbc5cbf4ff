package web

import "net/http"

// evidenceRoutes registers the evidence file routes (issue 16): upload on
// an indicator of an assessment or of a contribution, download, replace,
// remove, and the assessment's bundle. Upload routes are the only ones
// with a body limit above 1 MB (evidenceBody).
func (s *Server) evidenceRoutes() {
	s.add(http.MethodGet, "/api/v1/files/:id", signedIn, s.evidenceDownload)
	s.add(http.MethodGet, "/api/v1/assessments/:id/evidence.zip", signedIn, s.evidenceZip)

	s.add(http.MethodPost, "/assessments/:id/indicators/:key/files", signedIn, s.evidenceUploadForm)
	s.add(http.MethodPost, "/contributions/:id/indicators/:key/files", signedIn, s.contributionEvidenceUploadForm)
	s.add(http.MethodPost, "/actions/:id/files", signedIn, s.actionFileUploadForm)
	s.add(http.MethodGet, "/files/:id", signedIn, s.evidenceDownload)
	s.add(http.MethodPost, "/files/:id/replace", signedIn, s.evidenceReplaceForm)
	s.add(http.MethodPost, "/files/:id/remove", signedIn, s.evidenceRemoveForm)
	s.add(http.MethodGet, "/assessments/:id/evidence.zip", signedIn, s.evidenceZip)
}
