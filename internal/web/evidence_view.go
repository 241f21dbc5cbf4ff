package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

const ctxEvidenceForm = "evidence-form"

// evidenceView is what a questionnaire page shows of the files: each
// indicator's current files, where uploads go, and, after a refused upload,
// the message beside that indicator's upload field with what was typed.
type evidenceView struct {
	Files   map[string][]assessment.EvidenceFile
	Action  string // upload path prefix: …/indicators/
	CanEdit bool
	Form    *evidenceFormState
}

// evidenceFormState is a refused upload or replacement, shown again.
type evidenceFormState struct {
	Key     string // the indicator
	FileID  int64  // the file being replaced, or 0 for an upload
	Message string
	Title   string
	Date    string
}

// For lists an indicator's files.
func (v *evidenceView) For(key string) []assessment.EvidenceFile { return v.Files[key] }

// ErrorFor is the refused upload on the indicator, or nil.
func (v *evidenceView) ErrorFor(key string) *evidenceFormState {
	if v.Form != nil && v.Form.Key == key && v.Form.FileID == 0 {
		return v.Form
	}
	return nil
}

// ReplaceErrorFor is the refused replacement of a file, or nil.
func (v *evidenceView) ReplaceErrorFor(id int64) *evidenceFormState {
	if v.Form != nil && v.Form.FileID == id {
		return v.Form
	}
	return nil
}

// loadEvidenceView reads the current files of an assessment
// (contributionID 0) or of a contribution for its questionnaire page.
func (s *Server) loadEvidenceView(c echo.Context, assessmentID, contributionID int64, canEdit bool) (*evidenceView, error) {
	files, err := s.db.EvidenceFiles(c.Request().Context(), assessmentID, contributionID)
	if err != nil {
		return nil, err
	}
	v := &evidenceView{Files: map[string][]assessment.EvidenceFile{}, CanEdit: canEdit,
		Action: links.Indicators(assessmentID)}
	if contributionID != 0 {
		v.Action = links.ContributionIndicators(contributionID)
	}
	for _, f := range files {
		v.Files[f.IndicatorKey] = append(v.Files[f.IndicatorKey], f)
	}
	v.Form, _ = c.Get(ctxEvidenceForm).(*evidenceFormState)
	return v, nil
}

// questionnaireEvidence is loadEvidenceView for a capability page of
// either kind: files can change where the answers can.
func (s *Server) questionnaireEvidence(c echo.Context, v *app.CapabilityView) (*evidenceView, error) {
	canEdit := v.MayEdit && v.Closed == nil
	if v.Contribution != nil {
		return s.loadEvidenceView(c, v.Contribution.National.ID, v.Contribution.Contribution.ID, canEdit)
	}
	return s.loadEvidenceView(c, v.Detail.Assessment.ID, 0, canEdit)
}
