package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// actionFileUploadForm: the plan's upload form for one action; back to the
// action on the plan page.
func (s *Server) actionFileUploadForm(c echo.Context) error {
	act, t, err := httpx.ActionFilesTarget(c, s.app)
	if err != nil {
		return err
	}
	if err := s.storeEvidenceForm(c, t); err != nil {
		return err
	}
	return backToAction(c, act.AssessmentID, act.ID)
}

func backToAction(c echo.Context, assessmentID, actionID int64) error {
	return c.Redirect(http.StatusSeeOther, links.PlanAction(assessmentID, actionID))
}
