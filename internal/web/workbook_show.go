package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// wbTarget is what a workbook is exported from and imported into: an
// assessment, or one agency's contribution (CD set).
type wbTarget = workbook.Subject

// workbookPage is the workbook page: download, upload and, after an
// upload, the preview with the confirmation form.
type workbookPage struct {
	Base      string // "/assessments/7" or "/contributions/3"
	Heading   string
	CanImport bool
	Preview   *workbook.Preview
	New       []previewRow
	Changed   []previewRow
	Conflicts []previewRow
	Encoded   string // the uploaded workbook, carried by the confirmation form
	Digest    string // the preview confirmed, so a changed preview is not applied
	Stale     bool   // the preview changed between upload and confirmation
}

// previewRow is an Item as the page shows it: numbers, short texts and
// values in the reader's language.
type previewRow struct {
	Number, Text, Where string
	Fields              []previewField
	ChangedBy           string
	ChangedAt           *time.Time
}

type previewField struct{ Name, Yours, Online string }

// workbookShow is the page with the download link and the upload form.
func (s *Server) workbookShow(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		t, err := httpx.WorkbookTarget(c, s.app, contribution)
		if err != nil {
			return err
		}
		return s.renderWorkbook(c, http.StatusOK, t, workbookPage{}, nil)
	}
}

// renderWorkbook renders the page, with a preview when page.Preview is
// set and the error beside the file field when formErr is set.
func (s *Server) renderWorkbook(c echo.Context, status int, t *wbTarget, page workbookPage, formErr *assessment.Error) error {
	tr := s.translator(c)
	pv := page.Preview
	page.Base = links.Assessment(t.Target.AssessmentID)
	if t.CD != nil {
		page.Base = links.Contribution(t.Target.ContributionID)
		page.Heading = tr.T("ContribHeading", "Agency", t.CD.Contribution.Agency.Name, "Title", t.CD.National.Title)
		page.CanImport = policy.CanEditContribution(principal(c), &t.CD.Contribution)
	} else {
		page.Heading = t.Detail.Assessment.Title
		page.CanImport = policy.CanImportWorkbook(principal(c), &t.Detail.Assessment) && t.Detail.Assessment.Status != assessment.StatusApproved
	}
	if pv != nil {
		page.New, page.Changed, page.Conflicts = s.previewRows(c, t, pv.New), s.previewRows(c, t, pv.Changed), s.previewRows(c, t, pv.Conflicts)
		page.Digest = previewDigest(pv)
	}
	return s.renderStatus(c, status, "workbook", pageData{Title: tr.T("WbPageTitle", "Title", page.Heading), Error: formErr, Data: &page})
}

// previewDigest fingerprints a preview: the confirmation applies only the
// preview the person saw.
func previewDigest(pv *workbook.Preview) string {
	b, _ := json.Marshal(struct {
		N, C, X []workbook.Item
	}{pv.New, pv.Changed, pv.Conflicts})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
