package web

import (
	"log/slog"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// logOrganisation records the organisation a request works on (an
// assessment's, say), so its log line can name it.
func logOrganisation(c echo.Context, id int64) { httpx.LogOrganisation(c, id) }

// logRequest writes one line per request and records its metrics: request
// id, user, organisation (from the route or set by logOrganisation), route
// pattern, status and latency. The URI is redacted (one-time link secrets)
// and no header, cookie, form value or body is ever logged.
func (s *Server) logRequest(c echo.Context, v middleware.RequestLoggerValues) error {
	route := c.Path()
	if route == "" {
		route = "unmatched"
	}
	observe(c, route, v.Status, v.Latency)
	attrs := []slog.Attr{
		slog.String("request_id", v.RequestID),
		slog.String("method", v.Method),
		slog.String("route", route),
		slog.String("uri", redactURI(v.URI)),
		slog.Int("status", v.Status),
		slog.Float64("latency_ms", float64(v.Latency.Microseconds())/1000),
	}
	if p := principal(c); p != nil {
		attrs = append(attrs, slog.Int64("user_id", p.User.ID))
	}
	if org := requestOrganisation(c, route); org != 0 {
		attrs = append(attrs, slog.Int64("organisation_id", org))
	}
	level := slog.LevelInfo
	if v.Error != nil {
		attrs = append(attrs, slog.String("err", v.Error.Error()))
		if v.Status >= 500 {
			level = slog.LevelError
		}
	}
	slog.LogAttrs(c.Request().Context(), level, "request", attrs...)
	return nil
}

func requestOrganisation(c echo.Context, route string) int64 {
	if id, ok := httpx.LoggedOrganisation(c); ok {
		return id
	}
	if strings.HasPrefix(route, "/organisations/:id") || strings.HasPrefix(route, "/api/v1/organisations/:id") {
		if id, err := strconv.ParseInt(c.Param("id"), 10, 64); err == nil {
			return id
		}
	}
	return 0
}
