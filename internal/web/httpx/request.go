package httpx

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// ParamID parses a numeric path parameter; anything else is "not found".
func ParamID(c echo.Context, name, what string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, assessment.NotFound(what)
	}
	return id, nil
}

// TargetOf names the questionnaire of a route: /assessments/:id/… or
// /contributions/:id/….
func TargetOf(c echo.Context, kind app.Kind) (app.Target, error) {
	what := "assessment"
	if kind == app.KindContribution {
		what = "contribution"
	}
	id, err := ParamID(c, "id", what)
	return app.Target{Kind: kind, ID: id}, err
}

// BodyTooLarge reports whether the request body went over the limit while
// earlier code read it. Parsing a form swallows that error, so without this
// an oversized form would be answered as a CSRF failure instead of 413.
func BodyTooLarge(c echo.Context) bool {
	_, err := c.Request().Body.Read(make([]byte, 1))
	return errors.Is(err, echo.ErrStatusRequestEntityTooLarge)
}

// DecodeJSON reads a request body strictly: malformed JSON, unknown fields
// and wrong types are 422s naming the problem.
func DecodeJSON(c echo.Context, into any) error {
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return assessment.FieldError("body", "must hold a single JSON object")
	}
	return nil
}

func decodeError(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return assessment.FieldError(te.Field, "has the wrong type: expected %s", te.Type.String())
	case errors.As(err, &se):
		return assessment.FieldError("body", "is not valid JSON (at byte %d)", se.Offset)
	case errors.Is(err, io.EOF):
		return assessment.FieldError("body", "is empty; send a JSON object")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return assessment.FieldError(strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`), "is not a known field")
	case errors.Is(err, echo.ErrStatusRequestEntityTooLarge), strings.Contains(err.Error(), "http: request body too large"):
		return assessment.Errorf(assessment.ETOOLARGE, "the request body is larger than the limit of %s", BodyLimitText)
	default:
		return assessment.FieldError("body", "could not be read: %s", err.Error())
	}
}
