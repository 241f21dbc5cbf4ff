package httpx_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

func TestDomainErrorStatuses(t *testing.T) {
	for _, tc := range []struct {
		err    error
		code   string
		status int
	}{
		{assessment.FieldError("x", "is required"), assessment.EINVALID, 422},
		{assessment.NotFound("assessment"), assessment.ENOTFOUND, 404},
		{assessment.Errorf(assessment.ECONFLICT, "stale"), assessment.ECONFLICT, 409},
		{echo.ErrStatusRequestEntityTooLarge, assessment.ETOOLARGE, 413},
		{echo.ErrMethodNotAllowed, "method_not_allowed", 405},
		{echo.NewHTTPError(http.StatusBadRequest), assessment.EINVALID, 400},
		{echo.ErrForbidden, assessment.EFORBIDDEN, 403},
		{errors.New("disk on fire"), assessment.EINTERNAL, 500},
	} {
		de, status := httpx.DomainError(tc.err)
		if de.Code != tc.code || status != tc.status {
			t.Errorf("%v: got %s %d, want %s %d", tc.err, de.Code, status, tc.code, tc.status)
		}
	}
}

func TestDecodeJSONNamesTheProblem(t *testing.T) {
	e := echo.New()
	for body, field := range map[string]string{
		`{"n": "x"}`:   "n",
		`{"other": 1}`: "other",
		`{`:            "body",
		``:             "body",
		`{} {}`:        "body",
	} {
		c := e.NewContext(httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body)), httptest.NewRecorder())
		var into struct {
			N int `json:"n"`
		}
		err := httpx.DecodeJSON(c, &into)
		de, ok := assessment.AsError(err)
		if !ok || de.Code != assessment.EINVALID || de.Field != field {
			t.Errorf("%q: got %v, want invalid field %q", body, err, field)
		}
	}
}
