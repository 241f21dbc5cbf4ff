package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
	"github.com/mnr-self-assessment/mnr/internal/web/upload"
)

// apiWorkbookImport takes a filled workbook (multipart "file") and answers
// with the preview; dry_run=false also applies it, all or nothing.
// dry_run defaults to true, so a client applies only when it says so.
func (s *handlers) apiWorkbookImport(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		t, err := httpx.WorkbookUploadTarget(c, s.app, contribution)
		if err != nil {
			return err
		}
		dry := true
		switch c.FormValue("dry_run") {
		case "", "true", "1":
		case "false", "0":
			dry = false
		default:
			return assessment.FieldError("dry_run", "must be true or false")
		}
		data, err := upload.Workbook(c)
		if err != nil {
			return err
		}
		pv, err := s.app.UploadWorkbook(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), t, data, dry)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, pv)
	}
}
