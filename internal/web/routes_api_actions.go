package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// The actions the API shares with the pages (api.Web); see routes_api.go.

func (w apiWeb) AdoptAnswer(c echo.Context, d *assessment.Detail, key string, contributionID int64, version int) (assessment.Answer, error) {
	return w.s.adoptAnswer(c, d, key, contributionID, version)
}
func (w apiWeb) DecideAnswer(c echo.Context, d *assessment.Detail, key string, in assessment.DecisionInput) (assessment.Answer, error) {
	return w.s.decideAnswer(c, d, key, in)
}
func (w apiWeb) AdoptAgreed(c echo.Context, d *assessment.Detail, cd *assessment.CapabilityDetail, list []assessment.Contribution,
	answers map[int64]map[string]assessment.Answer, seen map[string]int) ([]assessment.Answer, error) {
	return w.s.adoptAgreed(c, d, cd, list, answers, seen)
}
func (w apiWeb) StartCycle(c echo.Context, d *assessment.Detail, title, period string) (assessment.Assessment, error) {
	return w.s.startCycle(c, d, title, period)
}
func (w apiWeb) AddComment(c echo.Context, d *assessment.Detail, in assessment.CommentInput) (assessment.Comment, error) {
	return w.s.addComment(c, d, in)
}

func (w apiWeb) EvidenceTarget(c echo.Context) (*assessment.Detail, store.EvidenceTarget, error) {
	return w.s.evidenceTarget(c)
}
func (w apiWeb) ContributionEvidenceTarget(c echo.Context) (*assessment.ContributionDetail, store.EvidenceTarget, error) {
	return w.s.contributionEvidenceTarget(c)
}
func (w apiWeb) ActionFilesTarget(c echo.Context) (store.EvidenceTarget, error) {
	_, _, t, err := w.s.actionFilesTarget(c)
	return t, err
}
func (w apiWeb) EvidenceFileToChange(c echo.Context) (assessment.EvidenceFile, error) {
	o, err := w.s.loadEvidenceFile(c)
	if err != nil {
		return assessment.EvidenceFile{}, err
	}
	return o.File, mayChangeEvidence(c, o)
}
func (w apiWeb) EvidenceUploads(c echo.Context, many bool) ([]store.EvidenceUpload, error) {
	return w.s.evidenceUploads(c, many)
}
func (w apiWeb) CloseUploads(ups []store.EvidenceUpload) { closeUploads(ups) }

func (w apiWeb) WorkbookImporter(c echo.Context, contribution bool) (func(dry bool) (*workbook.Preview, error), error) {
	t, err := w.s.loadWorkbookTarget(c, contribution)
	if err != nil {
		return nil, err
	}
	if err := mayUpload(c, t); err != nil {
		return nil, err
	}
	return func(dry bool) (*workbook.Preview, error) {
		data, err := readUpload(c)
		if err != nil {
			return nil, err
		}
		return w.s.importWorkbook(c, t, data, dry)
	}, nil
}
