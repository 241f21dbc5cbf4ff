package web

import (
	"errors"
	"regexp"

	"github.com/labstack/echo/v4"
)

// bodyTooLarge reports whether the request body went over the limit while
// earlier code read it. Parsing a form swallows that error, so without this
// an oversized form would be answered as a CSRF failure instead of 413.
func bodyTooLarge(c echo.Context) bool {
	_, err := c.Request().Body.Read(make([]byte, 1))
	return errors.Is(err, echo.ErrStatusRequestEntityTooLarge)
}

var secretPath = regexp.MustCompile(`(?i)((?:/|%2F)(?:invitations|password-reset)(?:/|%2F))[^/?&#%]+`)

// redactURI hides the secret of one-time links from the request log, so
// whoever reads the logs cannot join an organisation or reset a password.
func redactURI(uri string) string { return secretPath.ReplaceAllString(uri, "${1}[redacted]") }
