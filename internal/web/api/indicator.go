package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiIndicatorSave: PUT {"answer","evidence","links","note","version"} and
// optionally "base", to an assessment's or a contribution's indicator. The
// version is the one the client read; on a newer stored one the write
// merges over it when "base" says which fields the client changed, and is
// a 409 when the same field changed on both sides (or without "base").
func (s *handlers) apiIndicatorSave(kind app.Kind) echo.HandlerFunc {
	return func(c echo.Context) error {
		t, err := httpx.TargetOf(c, kind)
		if err != nil {
			return err
		}
		in, err := decodeAnswer(c)
		if err != nil {
			return err
		}
		v, saved, err := s.app.SaveAnswer(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), app.AnswerSave{Target: t, Indicator: c.Param("key"), Input: in})
		httpx.NoteView(c, v)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, apiAnswerOf(v.Detail.Framework.Indicator(saved.IndicatorKey).Phase, saved))
	}
}

// decodeAnswer reads the JSON body of an answer write, shared by the
// assessment's and the contributions' indicators.
func decodeAnswer(c echo.Context) (assessment.AnswerInput, error) {
	var body struct {
		Answer   *string        `json:"answer"`
		Evidence string         `json:"evidence"`
		Links    []string       `json:"links"`
		Note     string         `json:"note"`
		Version  *int           `json:"version"`
		Base     *apiAnswerBase `json:"base"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return assessment.AnswerInput{}, err
	}
	if body.Answer == nil {
		return assessment.AnswerInput{}, assessment.FieldError("answer", "is required (yes, partly, no, unknown, na, or \"\" to clear)")
	}
	if body.Version == nil {
		return assessment.AnswerInput{}, assessment.FieldError("version", "is required: send the version you read")
	}
	return assessment.AnswerInput{Value: *body.Answer, Evidence: body.Evidence, Links: body.Links, Note: body.Note, Version: *body.Version,
		Base: body.Base.fields()}, nil
}
