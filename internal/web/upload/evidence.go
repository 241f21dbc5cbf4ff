// Package upload reads the files of a request, for the HTML pages (package
// web) and the JSON API (package web/api) alike: evidence files from a
// multipart form, checked before any is stored, and a workbook's bytes.
// Whether the caller may upload at all is decided before (internal/app).
package upload

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/filetype"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// Evidence reads the files of an upload form (already parsed by web's
// evidence body middleware, which Defers what it could not read): each one's name, the title and date, and its
// type from its bytes, with quota the bytes the organisation may keep.
// Every file is checked before any is stored, so a bad one stores none.
// many allows several "file" parts (the HTML form's multiple choice); the
// title then applies only when there is one file. Close the files once
// stored.
func Evidence(c echo.Context, many bool, quota int64) ([]store.EvidenceUpload, error) {
	if err := deferred(c); err != nil {
		return nil, err
	}
	form := c.Request().MultipartForm
	if form == nil || len(form.File["file"]) == 0 {
		return nil, assessment.FieldError("file", "choose a file to upload")
	}
	parts := form.File["file"]
	if len(parts) > 1 && !many {
		return nil, assessment.FieldError("file", "send one file per request")
	}
	if len(parts) > 20 {
		return nil, assessment.FieldError("file", "choose at most 20 files at once")
	}
	title, date := First(form.Value["title"]), First(form.Value["date"])
	if len(parts) > 1 {
		title = ""
	}
	out := make([]store.EvidenceUpload, 0, len(parts))
	for _, fh := range parts {
		up, err := evidenceFile(fh, title, date, quota)
		if err != nil {
			return nil, err
		}
		out = append(out, up)
	}
	return out, nil
}

func evidenceFile(fh *multipart.FileHeader, title, date string, quota int64) (store.EvidenceUpload, error) {
	if fh.Size > assessment.MaxEvidenceSize {
		return store.EvidenceUpload{}, assessment.ErrEvidenceTooLarge()
	}
	meta, err := assessment.EvidenceInput{Filename: rawFilename(fh), Title: title, Date: date}.Validate()
	if err != nil {
		return store.EvidenceUpload{}, err
	}
	if fh.Size == 0 {
		return store.EvidenceUpload{}, assessment.FieldError("file", "the file is empty")
	}
	f, err := fh.Open()
	if err != nil {
		return store.EvidenceUpload{}, fmt.Errorf("open upload: %w", err)
	}
	ctype, err := filetype.Detect(f, fh.Size)
	if errors.Is(err, filetype.ErrRefused) {
		return store.EvidenceUpload{}, assessment.FieldError("file", "%s is not an accepted kind of file: upload a PDF, an Office or OpenDocument document, an image (PNG, JPEG, GIF, WebP) or plain text", meta.Filename)
	}
	if err != nil {
		return store.EvidenceUpload{}, fmt.Errorf("read upload: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return store.EvidenceUpload{}, fmt.Errorf("rewind upload: %w", err)
	}
	return store.EvidenceUpload{Meta: meta, ContentType: ctype, Quota: quota, Body: f}, nil
}

// rawFilename is the name the client sent. Go's multipart reader keeps only
// the last path element, which would hide a name with separators; the rule
// is to refuse such names, not to guess.
func rawFilename(fh *multipart.FileHeader) string {
	_, params, err := mime.ParseMediaType(fh.Header.Get("Content-Disposition"))
	if err != nil {
		return fh.Filename
	}
	if n, ok := params["filename"]; ok {
		return n
	}
	return fh.Filename
}

// First is a form field's first value, or "".
func First(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// Close closes the uploads' temporary files once stored (the server
// deletes them when the request ends).
func Close(ups []store.EvidenceUpload) {
	for _, up := range ups {
		if cl, ok := up.Body.(io.Closer); ok {
			cl.Close()
		}
	}
}
