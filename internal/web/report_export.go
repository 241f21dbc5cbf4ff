package web

import (
	"bytes"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// exportHandler serves one export format, with answers, evidence, notes and
// justifications, for both the HTML (session) and API (token) routes.
func (s *Server) exportHandler(format string) echo.HandlerFunc {
	if format == "pdf" {
		return s.reportPDF
	}
	f := report.Formats[format]
	return func(c echo.Context) error {
		v, err := httpx.Report(c, s.app, s.translator(c).Lang.Code, s.cfg.Now())
		if err != nil {
			return err
		}
		r := v.Report
		var buf bytes.Buffer
		if err := f.Write(&buf, r); err != nil {
			return fmt.Errorf("export %s: %w", format, err)
		}
		attachment(c, r, format)
		return c.Blob(http.StatusOK, f.MIME, buf.Bytes())
	}
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// attachment names the download after the organisation, period and title,
// in ASCII so every browser and operating system accepts it.
func attachment(c echo.Context, r *report.Report, ext string) {
	name := strings.Trim(unsafeName.ReplaceAllString(fmt.Sprintf("mnr-%s-%s-%d", r.Cover.Country, r.Cover.Period, r.Cover.AssessmentID), "-"), "-")
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, name, ext))
}
