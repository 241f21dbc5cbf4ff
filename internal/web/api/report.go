package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiReport returns the report's scores and executive summary as JSON.
func (s *handlers) apiReport(c echo.Context) error {
	v, err := httpx.Report(c, s.app, httpx.Translator(c, s.i18n).Lang.Code, s.now())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v.Report.SummaryJSON())
}
