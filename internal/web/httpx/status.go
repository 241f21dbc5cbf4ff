package httpx

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// The server's body limit for every request but uploads, and how error
// messages name it.
const (
	BodyLimit     = "1M"
	BodyLimitText = "1 MB"
)

// StatusOf is the one table from domain error codes to HTTP statuses, for
// the error page and the JSON error alike.
var StatusOf = map[string]int{
	assessment.EINVALID:      http.StatusUnprocessableEntity,
	assessment.ENOTFOUND:     http.StatusNotFound,
	assessment.ECONFLICT:     http.StatusConflict,
	assessment.EFORBIDDEN:    http.StatusForbidden,
	assessment.EUNAUTHORIZED: http.StatusUnauthorized,
	assessment.ETOOMANY:      http.StatusTooManyRequests,
	assessment.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	assessment.EBUSY:         http.StatusServiceUnavailable,
	assessment.EINTERNAL:     http.StatusInternalServerError,
}

// DomainError turns any error (ours or Echo's) into a domain error with a
// status, so both API and HTML paths render from one value.
func DomainError(err error) (*assessment.Error, int) {
	if de, ok := assessment.AsError(err); ok {
		return de, StatusOf[de.Code]
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		msg := http.StatusText(he.Code)
		if s, ok := he.Message.(string); ok && s != "" {
			msg = s
		}
		code := assessment.EINTERNAL
		for c, st := range StatusOf {
			if st == he.Code {
				code = c
			}
		}
		switch he.Code {
		case http.StatusBadRequest:
			code = assessment.EINVALID
		case http.StatusRequestEntityTooLarge:
			return ErrTooLarge(), he.Code
		case http.StatusMethodNotAllowed:
			code = "method_not_allowed"
		}
		return &assessment.Error{Code: code, Message: msg}, he.Code
	}
	return ErrInternal(), http.StatusInternalServerError
}

// ErrInternal is what a caller is told of a failure on our side.
func ErrInternal() *assessment.Error {
	return assessment.Errorf(assessment.EINTERNAL, "Something went wrong on our side. Your last change may not have been saved; please try again.")
}

// ErrTooLarge is the refusal of a body over the server's limit.
func ErrTooLarge() *assessment.Error {
	return assessment.Errorf(assessment.ETOOLARGE, "The request is larger than the limit of %s.",
		assessment.Term{ID: "CoreBodyLimit", English: BodyLimitText})
}
