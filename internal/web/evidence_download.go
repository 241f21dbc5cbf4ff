package web

import (
	"encoding/base64"
	"encoding/hex"
	"mime"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// evidenceDownload sends a file's bytes (GET /files/:id and
// /api/v1/files/:id) to whoever may read its answer, as an attachment of
// its stored type that the browser must neither sniff nor run: the
// document is never shown inside the app's origin.
func (s *Server) evidenceDownload(c echo.Context) error {
	o, err := httpx.EvidenceFile(c, s.app)
	if err != nil {
		return err
	}
	f := o.File
	if f.Removed {
		return assessment.NotFound("file")
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, f.ContentType)
	disposition := mime.FormatMediaType("attachment", map[string]string{"filename": f.Filename})
	if disposition == "" {
		disposition = "attachment"
	}
	h.Set(echo.HeaderContentDisposition, disposition)
	h.Set(echo.HeaderContentLength, strconv.FormatInt(f.Size, 10))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "sandbox")
	if sum, err := hex.DecodeString(f.SHA256); err == nil {
		h.Set("Repr-Digest", "sha-256=:"+base64.StdEncoding.EncodeToString(sum)+":")
	}
	slowTransfer(c)
	c.Response().WriteHeader(http.StatusOK)
	_, err = s.db.CopyEvidence(c.Request().Context(), f.ID, c.Response())
	return abortDownload(err)
}
