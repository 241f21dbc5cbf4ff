package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// errorText is what a page shows of an error in its language: a domain
// error's translated message, else the error's text.
func (s *Server) errorText(c echo.Context, err error) string {
	if de, ok := assessment.AsError(err); ok {
		return s.localizeError(c, de).Message
	}
	return err.Error()
}
