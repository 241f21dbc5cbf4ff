package web

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// workbookBodyLimit bounds a workbook upload request: the file (at most
// workbook.MaxSize) or, on the confirmation, the same file base64-encoded
// in a form field, with room for the rest of the form.
const workbookBodyLimit = "4M"

// workbookBody reports whether the request is a workbook upload, which has
// its own, larger body limit (workbookBodyLimit) instead of the server's.
func workbookBody(c echo.Context) bool {
	r := c.Request()
	return r.Method == "POST" && strings.HasSuffix(r.URL.Path, "/workbook")
}
