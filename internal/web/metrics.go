package web

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/metrics"
)

// metricsEndpoint serves the Prometheus metrics on the main address to a
// scraper that presents the configured bearer token; anyone else gets 401.
func (s *Server) metricsEndpoint(c echo.Context) error {
	tok, ok := strings.CutPrefix(c.Request().Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Ops.MetricsToken)) != 1 {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
		return c.String(http.StatusUnauthorized, "metrics need the bearer token set in MNR_METRICS_TOKEN\n")
	}
	metrics.Handler().ServeHTTP(c.Response(), c.Request())
	return nil
}

// observe records a finished request in the metrics: its latency by route
// pattern, and what it means for saves, conflicts, sign-ins and limits.
func observe(c echo.Context, route string, status int, v time.Duration) {
	r := c.Request()
	metrics.ObserveRequest(r.Method, route, status, v)
	switch status {
	case http.StatusConflict:
		metrics.Conflict(route)
	case http.StatusTooManyRequests:
		metrics.RateLimited(route)
	case http.StatusUnauthorized:
		if r.Method == http.MethodPost && route == "/login" {
			metrics.SignInFailed("password")
		} else if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") && strings.HasPrefix(route, "/api/") {
			metrics.SignInFailed("token")
		}
	}
	if kind := saveKind(r.Method, route); kind != "" {
		metrics.Saved(kind, saveResult(status))
	}
}

// saveKind names what a route saves: answers (indicators), judgements
// (capabilities) of an assessment, or a contribution's answers; "" for
// other routes.
func saveKind(method, route string) string {
	if method != http.MethodPost && method != http.MethodPut {
		return ""
	}
	contribution := strings.Contains(route, "/contributions/:id/")
	switch {
	case strings.HasSuffix(route, "/indicators/:key") && contribution:
		return "contribution_answer"
	case strings.HasSuffix(route, "/capabilities/:key") && contribution:
		return "contribution_capability"
	case strings.HasSuffix(route, "/indicators/:key"):
		return "answer"
	case strings.HasSuffix(route, "/capabilities/:key"):
		return "capability"
	}
	return ""
}

func saveResult(status int) string {
	switch {
	case status < 400:
		return "ok"
	case status == http.StatusConflict:
		return "conflict"
	case status == http.StatusUnprocessableEntity || status == http.StatusBadRequest:
		return "invalid"
	case status < 500:
		return "refused"
	}
	return "error"
}
