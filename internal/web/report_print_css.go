package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// reportPrintCSS is the browser print's page furniture for one report, in
// the reader's language (view.PrintCSS).
func (s *Server) reportPrintCSS(c echo.Context) error {
	d, err := s.loadDetailFor(c, policy.CanViewReport)
	if err != nil {
		return err
	}
	if !policy.CanViewReport(principal(c), &d.Assessment) {
		return assessment.NotFound("assessment")
	}
	c.Response().Header().Set("Cache-Control", "private, no-cache")
	return c.Blob(http.StatusOK, "text/css; charset=utf-8", []byte(view.PrintCSS(s.translator(c), &d.Assessment)))
}
