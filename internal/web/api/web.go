package api

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// Web is what the API shares with the HTML pages in package web: loaders
// that check who may see what, and actions both call. Each one moves into
// internal/app as its use case is written there; until then web provides
// it, and the API cannot import web.
type Web interface {
	LoadContribution(c echo.Context) (*assessment.ContributionDetail, error)
	LoadConsolidation(c echo.Context) (*assessment.Detail, []assessment.Contribution, map[int64]map[string]assessment.Answer, error)
	LoadReport(c echo.Context) (*report.Report, *assessment.Detail, error)
	LoadProgress(c echo.Context) (assessment.Organisation, *report.Progress, error)
	TranslatorFor(c echo.Context, lang string) *i18n.Translator

	AdoptAnswer(c echo.Context, d *assessment.Detail, key string, contributionID int64, version int) (assessment.Answer, error)
	DecideAnswer(c echo.Context, d *assessment.Detail, key string, in assessment.DecisionInput) (assessment.Answer, error)
	AdoptAgreed(c echo.Context, d *assessment.Detail, cd *assessment.CapabilityDetail, list []assessment.Contribution,
		answers map[int64]map[string]assessment.Answer, seen map[string]int) ([]assessment.Answer, error)
	StartCycle(c echo.Context, d *assessment.Detail, title, period string) (assessment.Assessment, error)
	AddComment(c echo.Context, d *assessment.Detail, in assessment.CommentInput) (assessment.Comment, error)

	// EvidenceTarget, ContributionEvidenceTarget and ActionFilesTarget
	// resolve an upload route for a principal who may add files there.
	EvidenceTarget(c echo.Context) (*assessment.Detail, store.EvidenceTarget, error)
	ContributionEvidenceTarget(c echo.Context) (*assessment.ContributionDetail, store.EvidenceTarget, error)
	ActionFilesTarget(c echo.Context) (store.EvidenceTarget, error)
	// EvidenceFileToChange is the file of :id for a principal who may
	// replace or remove it (404 if they may not see it, 403 if only that).
	EvidenceFileToChange(c echo.Context) (assessment.EvidenceFile, error)
	// EvidenceUploads reads and checks the upload form's files; close
	// them with CloseUploads once stored.
	EvidenceUploads(c echo.Context, many bool) ([]store.EvidenceUpload, error)
	CloseUploads(ups []store.EvidenceUpload)

	// WorkbookImporter loads the workbook target of :id for a principal
	// who may upload to it, and returns its import: read the uploaded file,
	// then preview it (dry) or apply it.
	WorkbookImporter(c echo.Context, contribution bool) (func(dry bool) (*workbook.Preview, error), error)
}
