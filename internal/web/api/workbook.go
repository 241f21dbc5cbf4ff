package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// apiWorkbookImport takes a filled workbook (multipart "file") and answers
// with the preview; dry_run=false also applies it, all or nothing.
// dry_run defaults to true, so a client applies only when it says so.
func (s *handlers) apiWorkbookImport(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		importWorkbook, err := s.web.WorkbookImporter(c, contribution)
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
		pv, err := importWorkbook(dry)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, pv)
	}
}
