package web

import (
	"regexp"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// bodyTooLarge reports whether the request body went over the limit while
// earlier code read it. Parsing a form swallows that error, so without this
// an oversized form would be answered as a CSRF failure instead of 413.
func bodyTooLarge(c echo.Context) bool { return httpx.BodyTooLarge(c) }

var secretPath = regexp.MustCompile(`(?i)((?:/|%2F)(?:invitations|password-reset)(?:/|%2F))[^/?&#%]+`)

// redactURI hides the secret of one-time links from the request log, so
// whoever reads the logs cannot join an organisation or reset a password.
func redactURI(uri string) string { return secretPath.ReplaceAllString(uri, "${1}[redacted]") }
