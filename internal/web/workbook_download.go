package web

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// workbookDownload serves the offline workbook in the reader's language
// (or ?lang=), for pages and the API alike.
func (s *Server) workbookDownload(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		t, err := httpx.WorkbookTarget(c, s.app, contribution)
		if err != nil {
			return err
		}
		lang := s.translator(c).Lang.Code
		if l := c.QueryParam("lang"); i18n.Supported(l) {
			lang = l
		}
		var buf bytes.Buffer
		if err := s.app.WriteWorkbook(c.Request().Context(), t, lang, s.cfg.Now(), &buf); err != nil {
			return fmt.Errorf("workbook of %s: %w", t.Target, err)
		}
		c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, workbookFileName(t, lang)))
		return c.Blob(http.StatusOK, xlsxType, buf.Bytes())
	}
}

// workbookFileName names a workbook by what it holds, in ASCII.
func workbookFileName(t *wbTarget, lang string) string {
	if t.Target.Contribution() {
		return fmt.Sprintf("mnr-workbook-%d-contribution-%d-%s.xlsx", t.Target.AssessmentID, t.Target.ContributionID, lang)
	}
	return fmt.Sprintf("mnr-workbook-%d-%s.xlsx", t.Target.AssessmentID, lang)
}
