package web

import "net/http"

// planRoutes registers the action plan's pages and API (issue 13).
func (s *Server) planRoutes() {
	s.add(http.MethodGet, "/assessments/:id/plan", signedIn, s.planShow)
	s.add(http.MethodGet, "/assessments/:id/plan/new", signedIn, s.actionNew)
	s.add(http.MethodPost, "/assessments/:id/plan", signedIn, s.actionCreate)
	s.add(http.MethodGet, "/actions/:id/edit", signedIn, s.actionEdit)
	s.add(http.MethodPost, "/actions/:id", signedIn, s.actionSave)
	s.add(http.MethodPost, "/actions/:id/status", signedIn, s.actionStatus)
	s.add(http.MethodPost, "/actions/:id/delete", signedIn, s.actionDelete)

}
