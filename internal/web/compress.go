package web

import (
	"fmt"
	"net/http"

	"github.com/klauspost/compress/gzhttp"
	"github.com/klauspost/compress/gzip"
	"github.com/labstack/echo/v4"
)

// compress gzips pages and JSON of a kilobyte or more, for GET and HEAD.
// klauspost/compress's stateless level keeps no window between writes and
// no compressor per response: the standard library's writer holds about a
// megabyte for each response being written, which thirty-two pages at once
// turned into most of the server's memory. Pages are rendered into memory
// and written in one piece, so the stateless level still shrinks them
// several times. Zstandard is left off: one encoding to test and to cache.
func compress() (echo.MiddlewareFunc, error) {
	wrap, err := gzhttp.NewWrapper(gzhttp.EnableZstd(false), gzhttp.MinSize(1024), gzhttp.CompressionLevel(gzip.StatelessCompression))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if notCompressed(c) {
				return next(c)
			}
			res := c.Response()
			plain := res.Writer
			var err error
			wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				res.Writer = w
				c.SetRequest(r)
				// The error page is written while the compressor is open; the
				// error still goes up to the request log, whose second
				// c.Error finds the response committed and does nothing.
				if err = next(c); err != nil {
					c.Error(err)
				}
			})).ServeHTTP(plain, c.Request())
			res.Writer = plain
			return err
		}
	}, nil
}

// notCompressed skips gzip for evidence downloads (stored as uploaded) and
// for anything but GET and HEAD: saves answer with a short JSON body or a
// redirect.
func notCompressed(c echo.Context) bool {
	m := c.Request().Method
	return (m != http.MethodGet && m != http.MethodHead) || isEvidenceDownload(c)
}
