package web

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// indexColumns are the headers of the bundle's index.csv.
var indexColumns = []string{"path", "indicator_number", "indicator", "title", "filename", "content_type", "size", "date", "sha256", "uploaded_by", "uploaded_at", "action"}

// evidenceZip streams every current file of the assessment's indicators
// and of its plan's actions as one zip, with index.csv first
// (GET …/evidence.zip), to its members (who read the plan too). Each
// file is copied chunk by chunk into the archive as it is sent; nothing is
// assembled in memory or on disk.
func (s *Server) evidenceZip(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	files, err := s.db.EvidenceFiles(ctx, d.Assessment.ID, 0)
	if err != nil {
		return err
	}
	paths, numbers := zipPaths(d, files)
	actionFiles, err := s.zipActionFiles(ctx, d.Assessment.ID)
	if err != nil {
		return err
	}
	actions := make([]string, len(files), len(files)+len(actionFiles))
	for _, af := range actionFiles {
		files, paths, numbers = append(files, af.file), append(paths, af.path), append(numbers, "")
		actions = append(actions, af.action)
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "application/zip")
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="evidence-%d.zip"`, d.Assessment.ID))
	h.Set("X-Content-Type-Options", "nosniff")
	slowTransfer(c)
	c.Response().WriteHeader(http.StatusOK)
	zw := zip.NewWriter(c.Response())
	if err := writeIndex(zw, files, paths, numbers, actions); err != nil {
		return abortDownload(err)
	}
	for i, f := range files {
		if err := s.zipFile(c, zw, paths[i], f); err != nil {
			return abortDownload(err)
		}
	}
	return abortDownload(zw.Close())
}

// zipPaths names each file in the bundle by its indicator's number.
func zipPaths(d *assessment.Detail, files []assessment.EvidenceFile) (paths, numbers []string) {
	paths, numbers = make([]string, len(files)), make([]string, len(files))
	for i, f := range files {
		if ind := d.Framework.Indicator(f.IndicatorKey); ind != nil {
			numbers[i] = assessment.IndicatorNumber(ind)
		}
		paths[i] = fmt.Sprintf("files/%s/%d-%s", numbers[i], f.ID, f.Filename)
	}
	return paths, numbers
}

// zipFile copies one stored file into the bundle, compressing only text
// (PDF, images and Office files are compressed already).
func (s *Server) zipFile(c echo.Context, zw *zip.Writer, path string, f assessment.EvidenceFile) error {
	method := zip.Store
	if strings.HasPrefix(f.ContentType, "text/") {
		method = zip.Deflate
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: path, Method: method, Modified: f.CreatedAt})
	if err != nil {
		return err
	}
	_, err = s.db.CopyEvidence(c.Request().Context(), f.ID, w)
	return err
}

// writeIndex writes index.csv: one row per file, text defused for
// spreadsheets; an action's file names its action, not an indicator.
func writeIndex(zw *zip.Writer, files []assessment.EvidenceFile, paths, numbers, actions []string) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "index.csv", Method: zip.Deflate, Modified: time.Now()})
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write(indexColumns)
	for i, f := range files {
		date := ""
		if f.Date != nil {
			date = f.Date.Format(time.DateOnly)
		}
		cw.Write([]string{paths[i], numbers[i], f.IndicatorKey, report.SafeCell(f.Title), report.SafeCell(f.Filename), f.ContentType,
			strconv.FormatInt(f.Size, 10), date, f.SHA256, report.SafeCell(f.CreatedBy), f.CreatedAt.UTC().Format(time.RFC3339),
			report.SafeCell(actions[i])})
	}
	cw.Flush()
	return cw.Error()
}

// abortDownload ends a response whose status is already sent: on an error
// the connection is cut, so the client sees an incomplete download rather
// than a file that looks whole.
func abortDownload(err error) error {
	if err != nil {
		slog.Warn("download interrupted", "err", err)
		panic(http.ErrAbortHandler)
	}
	return nil
}
