package web

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// localizeError returns the error with its message in the page's language.
// Domain errors keep their English format string as the message id
// (internal/i18n/locales/errors.*.json); translations keep the same fmt
// verbs, so the arguments apply unchanged. The API keeps English messages:
// they are a contract for scripts.
func (s *Server) localizeError(c echo.Context, de *assessment.Error) *assessment.Error {
	if de == nil || de.Format == "" {
		return de
	}
	tr := s.translator(c)
	if tr.Lang.Code == "en" {
		return de
	}
	out := *de
	out.Message = fmt.Sprintf(tr.T(de.Format), de.Args...)
	return &out
}
