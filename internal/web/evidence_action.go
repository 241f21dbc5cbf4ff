package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// actionFileOwner completes o for a plan action's file: readers of the
// action may download it; anyone else is told it does not exist.
func (s *Server) actionFileOwner(c echo.Context, o *evidenceOwner) (*evidenceOwner, error) {
	_, act, err := s.app.Action(c.Request().Context(), principal(c), *o.File.ActionID)
	if err != nil {
		return nil, assessment.NotFound("file")
	}
	o.Action = &act
	logOrganisation(c, o.File.OrganisationID)
	return o, nil
}

// actionFilesTarget resolves /actions/:id/files for a principal who may
// add files to the action (policy.CanEditActionFiles).
func (s *Server) actionFilesTarget(c echo.Context) (*planTarget, assessment.PlanAction, store.EvidenceTarget, error) {
	t, act, err := s.loadAction(c)
	if err != nil {
		return nil, act, store.EvidenceTarget{}, err
	}
	if !policy.CanEditActionFiles(principal(c), &t.Assessment, &act) {
		return t, act, store.EvidenceTarget{}, policy.ActionFilesRefusal()
	}
	return t, act, store.EvidenceTarget{AssessmentID: act.AssessmentID, ActionID: act.ID}, nil
}

// actionFileUploadForm: the plan's upload form for one action; back to the
// action on the plan page.
func (s *Server) actionFileUploadForm(c echo.Context) error {
	_, act, t, err := s.actionFilesTarget(c)
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
