package web

import (
	"mime"
	"net/http"
	"path"

	"github.com/labstack/echo/v4"
)

// staticFile serves the view's hashed assets: their names change with
// their content, so they are cached for a year.
func (s *Server) staticFile(c echo.Context) error {
	b, ok := s.view.Assets().File(c.Param("file"))
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "file not found")
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	return c.Blob(http.StatusOK, mime.TypeByExtension(path.Ext(c.Param("file"))), b)
}
