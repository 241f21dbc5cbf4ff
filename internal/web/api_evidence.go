package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/store"
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
func (s *Server) indicatorFiles(c echo.Context, assessmentID, contributionID int64) (fileLists, error) {
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
func (s *Server) apiEvidenceUpload(c echo.Context) error {
	_, t, err := s.evidenceTarget(c)
	if err != nil {
		return err
	}
	return s.apiStoreEvidence(c, t)
}

// apiContributionEvidenceUpload is the same on an agency's contribution.
func (s *Server) apiContributionEvidenceUpload(c echo.Context) error {
	_, t, err := s.contributionEvidenceTarget(c)
	if err != nil {
		return err
	}
	return s.apiStoreEvidence(c, t)
}

func (s *Server) apiStoreEvidence(c echo.Context, t store.EvidenceTarget) error {
	ups, err := s.evidenceUploads(c, false)
	if err != nil {
		return err
	}
	defer closeUploads(ups)
	files, err := s.db.AddEvidence(c.Request().Context(), actor(c), t, ups...)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiFileOf(files[0]))
}

// apiEvidenceReplace: PUT multipart file, title, date → 200 with the new
// version (a new id); the old version stays as history.
func (s *Server) apiEvidenceReplace(c echo.Context) error {
	o, err := s.loadEvidenceFile(c)
	if err != nil {
		return err
	}
	if err := mayChangeEvidence(c, o); err != nil {
		return err
	}
	ups, err := s.evidenceUploads(c, false)
	if err != nil {
		return err
	}
	defer closeUploads(ups)
	f, err := s.db.ReplaceEvidence(c.Request().Context(), actor(c), o.File.ID, ups[0])
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiFileOf(f))
}

// apiEvidenceDelete: DELETE → 200 with the removed file.
func (s *Server) apiEvidenceDelete(c echo.Context) error {
	o, err := s.loadEvidenceFile(c)
	if err != nil {
		return err
	}
	if err := mayChangeEvidence(c, o); err != nil {
		return err
	}
	if err := s.db.RemoveEvidence(c.Request().Context(), actor(c), o.File.ID); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"id": o.File.ID, "removed": true})
}
