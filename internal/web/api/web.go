package api

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// Web is what the API still borrows from package web: reading a request's
// uploads and its language.
type Web interface {
	TranslatorFor(c echo.Context, lang string) *i18n.Translator

	// EvidenceUploads reads and checks the upload form's files; close
	// them with CloseUploads once stored.
	EvidenceUploads(c echo.Context, many bool) ([]store.EvidenceUpload, error)
	CloseUploads(ups []store.EvidenceUpload)
	// ReadWorkbook reads the uploaded workbook file.
	ReadWorkbook(c echo.Context) ([]byte, error)
}
