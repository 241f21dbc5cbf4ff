package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// What the API reads from a request as the pages do (api.Web); see routes_api.go.

func (w apiWeb) EvidenceUploads(c echo.Context, many bool) ([]store.EvidenceUpload, error) {
	return w.s.evidenceUploads(c, many)
}
func (w apiWeb) CloseUploads(ups []store.EvidenceUpload)     { closeUploads(ups) }
func (w apiWeb) ReadWorkbook(c echo.Context) ([]byte, error) { return readUpload(c) }
