package web

import (
	"fmt"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// localizeError returns the error with its message in the page's language.
// Domain errors keep their English format string as the message id
// (internal/i18n/locales/errors.*.json); translations keep the same fmt
// verbs, so the arguments apply unchanged, except assessment.Term
// arguments (names of kinds of object), which are translated by their own
// id. The API keeps English messages: they are a contract for scripts.
// i18n_errors_test.go fails when a format that reaches pages has no
// translation.
func (s *Server) localizeError(c echo.Context, de *assessment.Error) *assessment.Error {
	if de == nil || de.Format == "" {
		return de
	}
	tr := s.translator(c)
	if tr.Lang.Code == "en" {
		return de
	}
	out := *de
	out.Message = localizeFormat(tr, de.Format, de.Args)
	return &out
}

// localizeFormat translates a domain error's format and its arguments that
// read differently by language: Terms, framework texts (Phrase) and times
// (Moment).
func localizeFormat(tr *i18n.Translator, format string, args []any) string {
	translated := make([]any, len(args))
	for i, a := range args {
		switch x := a.(type) {
		case assessment.Term:
			if s := tr.T(x.ID); s != x.ID {
				a = s
			}
		case assessment.Phrase:
			a = x.In(tr.Lang.Code)
		case assessment.Reason:
			if x.Err != nil && x.Err.Format != "" {
				a = localizeFormat(tr, x.Err.Format, x.Err.Args)
			}
		case assessment.Moment:
			if t := time.Time(x); !t.IsZero() {
				a = tr.DateTime(t)
			}
		}
		translated[i] = a
	}
	return fmt.Sprintf(tr.T(format), translated...)
}
