package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiReport returns the report's scores and executive summary as JSON.
func (s *handlers) apiReport(c echo.Context) error {
	r, _, err := s.web.LoadReport(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r.SummaryJSON())
}
