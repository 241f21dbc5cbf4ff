package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
	"github.com/mnr-self-assessment/mnr/internal/web/upload"
)

// apiFile is an evidence file in the API.
type apiFile struct {
	ID          int64     `json:"id"`
	Title       string    `json:"title"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	CreatedAt   time.Time `json:"created_at"`
	Date        *string   `json:"date"` // the document's own date, YYYY-MM-DD
	Indicator   string    `json:"indicator"`
	Version     int       `json:"version"`
	CreatedBy   string    `json:"created_by"`
	URL         string    `json:"url"`
}

func apiFileOf(f assessment.EvidenceFile) apiFile {
	out := apiFile{ID: f.ID, Title: f.Title, Filename: f.Filename, ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256,
		CreatedAt: f.CreatedAt, Indicator: f.IndicatorKey, Version: f.Version, CreatedBy: f.CreatedBy, URL: links.APIFile(f.ID)}
	if f.Date != nil {
		d := f.Date.Format(time.DateOnly)
		out.Date = &d
	}
	return out
}

// fileLists holds the current files by indicator, for the indicators'
// "files" lists.
type fileLists map[string][]apiFile

// indicatorFiles reads an assessment's (contributionID 0) or a
// contribution's current files in one query.
func (s *handlers) indicatorFiles(c echo.Context, assessmentID, contributionID int64) (fileLists, error) {
	files, err := s.db.EvidenceFiles(c.Request().Context(), assessmentID, contributionID)
	if err != nil {
		return nil, err
	}
	out := fileLists{}
	for _, f := range files {
		out[f.IndicatorKey] = append(out[f.IndicatorKey], apiFileOf(f))
	}
	return out, nil
}

func (l fileLists) fill(in *apiIndicator) {
	if f := l[in.Key]; f != nil {
		in.Files = f
	}
}

// apiEvidenceUpload: POST multipart file, title, date on an assessment's
// indicator → 201 with the file.
func (s *handlers) apiEvidenceUpload(c echo.Context) error {
	_, t, err := httpx.EvidenceTarget(c, s.app)
	if err != nil {
		return err
	}
	return s.apiStoreEvidence(c, t)
}

// apiContributionEvidenceUpload is the same on an agency's contribution.
func (s *handlers) apiContributionEvidenceUpload(c echo.Context) error {
	_, t, err := httpx.ContributionEvidenceTarget(c, s.app)
	if err != nil {
		return err
	}
	return s.apiStoreEvidence(c, t)
}

func (s *handlers) apiStoreEvidence(c echo.Context, t store.EvidenceTarget) error {
	ups, err := upload.Evidence(c, false, s.quota)
	if err != nil {
		return err
	}
	defer upload.Close(ups)
	files, err := s.db.AddEvidence(c.Request().Context(), httpx.Actor(c), t, ups...)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiFileOf(files[0]))
}

// apiEvidenceReplace: PUT multipart file, title, date → 200 with the new
// version (a new id); the old version stays as history.
func (s *handlers) apiEvidenceReplace(c echo.Context) error {
	o, err := httpx.EvidenceFileToChange(c, s.app)
	if err != nil {
		return err
	}
	ups, err := upload.Evidence(c, false, s.quota)
	if err != nil {
		return err
	}
	defer upload.Close(ups)
	nf, err := s.db.ReplaceEvidence(c.Request().Context(), httpx.Actor(c), o.File.ID, ups[0])
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiFileOf(nf))
}

// apiEvidenceDelete: DELETE → 200 with the removed file.
func (s *handlers) apiEvidenceDelete(c echo.Context) error {
	o, err := httpx.EvidenceFileToChange(c, s.app)
	if err != nil {
		return err
	}
	if err := s.db.RemoveEvidence(c.Request().Context(), httpx.Actor(c), o.File.ID); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"id": o.File.ID, "removed": true})
}

// apiActionFileUpload: POST /api/v1/actions/:id/files (multipart file,
// title, date) → 201 with the file, as on an indicator.
func (s *handlers) apiActionFileUpload(c echo.Context) error {
	_, t, err := httpx.ActionFilesTarget(c, s.app)
	if err != nil {
		return err
	}
	return s.apiStoreEvidence(c, t)
}

// actionFiles is the action's current files for its "files" list.
func (s *handlers) actionFiles(c echo.Context, actionID int64) ([]apiFile, error) {
	m, err := s.db.ActionFiles(c.Request().Context(), []int64{actionID})
	if err != nil {
		return nil, err
	}
	out := make([]apiFile, 0, len(m[actionID]))
	for _, f := range m[actionID] {
		out = append(out, apiFileOf(f))
	}
	return out, nil
}
