package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// apiWorkbookImport takes a filled workbook (multipart "file") and answers
// with the preview; dry_run=false also applies it, all or nothing.
// dry_run defaults to true, so a client applies only when it says so.
func (s *Server) apiWorkbookImport(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		t, err := s.loadWorkbookTarget(c, contribution)
		if err != nil {
			return err
		}
		if err := mayUpload(c, t); err != nil {
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
		data, err := readUpload(c)
		if err != nil {
			return err
		}
		pv, err := s.importWorkbook(c, t, data, dry)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, pv)
	}
}
