package web

import (
	"compress/gzip"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// gzipConfig compresses pages at BestSpeed: a third of the default level's
// CPU, for pages of repetitive HTML that still shrink several times.
var gzipConfig = middleware.GzipConfig{MinLength: 1024, Level: gzip.BestSpeed, Skipper: notCompressed}

// notCompressed skips gzip for evidence downloads (stored as uploaded) and
// for anything but GET and HEAD: saves answer with a short JSON body or a
// redirect, yet Echo's gzip writer builds a whole compressor for every
// request it wraps, which a burst of concurrent saves turned into tens of
// megabytes.
func notCompressed(c echo.Context) bool {
	m := c.Request().Method
	return (m != http.MethodGet && m != http.MethodHead) || isEvidenceDownload(c)
}
