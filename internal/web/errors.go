package web

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/api"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// statusOf is the one table from domain error codes to HTTP statuses
// (httpx.StatusOf), for the error page and the JSON error alike.
var statusOf = httpx.StatusOf

// domainError turns any error (ours or Echo's) into a domain error with a
// status (httpx.DomainError).
func domainError(err error) (*assessment.Error, int) { return httpx.DomainError(err) }

func errInternal() *assessment.Error { return httpx.ErrInternal() }

// statusError explains a common status in a sentence, for error pages whose
// error says no more than the status itself (an unknown address, a refusal
// by a middleware); nil for other statuses.
func statusError(status int) *assessment.Error {
	switch status {
	case http.StatusForbidden:
		return assessment.Errorf(assessment.EFORBIDDEN, "You do not have permission to open this page.")
	case http.StatusNotFound:
		return assessment.Errorf(assessment.ENOTFOUND, "There is no page at this address. Check the link you followed.")
	case http.StatusConflict:
		return assessment.Errorf(assessment.ECONFLICT, "The request conflicts with a change made in the meantime. Reload the page and try again.")
	case http.StatusRequestEntityTooLarge:
		return httpx.ErrTooLarge()
	case http.StatusUnprocessableEntity:
		return assessment.Errorf(assessment.EINVALID, "The request could not be processed. Check what you entered and try again.")
	case http.StatusTooManyRequests:
		return assessment.Errorf(assessment.ETOOMANY, "Too many requests in a short time. Wait a moment, then try again.")
	case http.StatusInternalServerError:
		return errInternal()
	}
	return nil
}

// statusTitle is the error page's title: the status's name, in the page's
// language (ids CoreStatus<code> in core.*.json; English keeps the standard
// status text).
func (s *Server) statusTitle(c echo.Context, status int) string {
	id := fmt.Sprintf("CoreStatus%d", status)
	if t := s.translator(c).T(id); t != id {
		return t
	}
	return http.StatusText(status)
}

// handleError is Echo's HTTPErrorHandler: JSON for the API and for
// script requests, the error page for everything else.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	de, status := domainError(err)
	if status >= 500 {
		slog.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		c.Response().Header().Set("Retry-After", retryAfterOf(err))
	}
	if wantsJSON(c) {
		msg := de.Message
		if !strings.HasPrefix(c.Request().URL.Path, "/api/") {
			msg = s.localizeError(c, de).Message // a page's script (autosave) shows it: the page's language
		}
		_ = c.JSON(status, api.NewErrorBody(de, msg))
		return
	}
	if status == http.StatusUnauthorized {
		to := "/login?next=" + url.QueryEscape(safeNext(c.Request().URL.RequestURI()))
		if sess := session(c); sess != nil && sess.Values["expired"] == true {
			to += "&expired=1" // the session row is gone, so the sign-in page cannot tell by itself
		}
		_ = c.Redirect(http.StatusSeeOther, to)
		return
	}
	if de.Format == "" && (de.Message == "" || de.Message == http.StatusText(status)) {
		if se := statusError(status); se != nil {
			se.Code = de.Code
			de = se
		}
	}
	_ = s.renderStatus(c, status, "error", pageData{Title: s.statusTitle(c, status), Error: de, Status: status})
}

// retryAfterOf is the Retry-After of a refusal: the seconds an error that
// knows its wait carries (the PDF renderer's), else the rate limits'.
func retryAfterOf(err error) string {
	var w interface{ RetryAfter() time.Duration }
	if errors.As(err, &w) {
		return strconv.Itoa(max(1, int(math.Ceil(w.RetryAfter().Seconds()))))
	}
	return retryAfter(err)
}

// wantsJSON: API paths always; HTML paths when the autosave script asks.
func wantsJSON(c echo.Context) bool {
	r := c.Request()
	return strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json")
}
