// Package web is the only package that knows Echo: the router, middleware,
// one file per action, template rendering and the single error handler.
package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/mail"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/view"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// Config is what the web layer needs from the command line.
type Config struct {
	SecureCookies   bool          // force the Secure flag (also set when served over HTTPS)
	IdleTimeout     time.Duration // session idle timeout
	AbsoluteTimeout time.Duration // session absolute lifetime
	Chrome          string        // Chromium path for PDF; "" hides the PDF button
	Version         string
	Mailer          mail.Sender      // sends invitation and reset links; nil: links are only shown on screen
	BaseURL         string           // public address for links in mails, e.g. https://mnr.example.org
	Now             func() time.Time // clock for sessions and rate limits; tests move it forward
	TrustProxy      bool             // take the client address from X-Forwarded-For (only behind a proxy that sets it)

	// MailNotifications also mails every in-app notification through Mailer.
	MailNotifications bool

	Ops OpsConfig // readiness, metrics and instance settings (ops.go)

	// EvidenceQuota is how many bytes of evidence files each organisation
	// may keep (0: assessment.DefaultEvidenceQuota).
	EvidenceQuota int64

	// PDF bounds the server's one PDF renderer (tabs, queue, wait, cache);
	// its browser is Chrome above.
	PDF report.RendererConfig
}

const (
	bodyLimit     = httpx.BodyLimit
	bodyLimitText = httpx.BodyLimitText
)

// Server wires the store, the framework versions and the templates to Echo.
type Server struct {
	cfg      Config
	db       *store.Store
	app      *app.App // the use cases; handlers parse, call it and render
	fw       *framework.Framework
	echo     *echo.Echo
	gzip     echo.MiddlewareFunc // compress.go
	sessions *auth.SessionStore
	view     *view.View // templates, their functions and the hashed assets
	i18n     *i18n.Bundle

	rates *rateLimiter // every rate limit (ratelimit_rules.go), counted in the database
	pages *pageCache   // pages viewed again before anything changed (page_cache.go)

	pdf *report.Renderer // the one Chromium of this server; Close stops it
}

// New builds the router. It fails only when an embedded asset is broken.
func New(cfg Config, db *store.Store, fw *framework.Framework) (*Server, error) {
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, db: db, app: app.New(db), fw: fw, echo: echo.New(), rates: &rateLimiter{db: db, now: cfg.Now},
		pages: newPageCache(pageCacheEntries, pageCacheBytes)}
	pdfCfg := cfg.PDF
	pdfCfg.Chrome = cfg.Chrome
	s.pdf = report.NewRenderer(pdfCfg)
	s.sessions = &auth.SessionStore{DB: db, Idle: cfg.IdleTimeout, Absolute: cfg.AbsoluteTimeout, Secure: s.secure, Now: cfg.Now}
	var err error
	if s.i18n, err = i18n.Shared(); err != nil {
		return nil, err
	}
	if s.view, err = view.New(s.i18n); err != nil {
		return nil, err
	}
	if s.gzip, err = compress(); err != nil {
		return nil, err
	}
	s.setupEcho()
	return s, nil
}

// withDefaults fills in the session timeouts and the clock.
func (cfg Config) withDefaults() Config {
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = 2 * time.Hour
	}
	if cfg.AbsoluteTimeout == 0 {
		cfg.AbsoluteTimeout = 12 * time.Hour
	}
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Now().UTC() }
	}
	return cfg
}

// setupEcho sets the error handler and the client address, then the
// middleware and the routes.
func (s *Server) setupEcho() {
	e := s.echo
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	// Per-address rate limits and the audit trail need an address the client
	// cannot choose: forwarding headers count only behind a trusted proxy.
	e.IPExtractor = echo.ExtractIPDirect()
	if s.cfg.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	}
	s.middleware()
	s.routes()
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// Routes lists every registered route, for the authorization matrix test.
func (s *Server) Routes() []*echo.Route { return s.echo.Routes() }

// Shutdown stops accepting requests and waits for those in flight.
func (s *Server) Shutdown(ctx context.Context) error { return s.echo.Shutdown(ctx) }

// Close stops what the server runs besides requests: the PDF renderer's
// browser. Call it after the HTTP server has shut down.
func (s *Server) Close() error { return s.pdf.Close() }

// secure: the browser reached us over HTTPS (directly, or through a
// trusted proxy that says so), or the operator forces it. Every cookie is
// then Secure and HSTS is sent. A client's own X-Forwarded-Proto is not
// believed unless the proxy is trusted.
func (s *Server) secure(r *http.Request) bool {
	return s.cfg.SecureCookies || r.TLS != nil || (s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
}

// middleware runs outermost first: recover, request id, log, headers,
// body limit, compression, then the session and CSRF checks.
func (s *Server) middleware() {
	e := s.echo
	e.Use(middleware.Recover())
	e.Use(middleware.RequestID())
	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogError: true, HandleError: true, LogRequestID: true,
		LogValuesFunc: s.logRequest,
	}))
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:         "0",
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		ReferrerPolicy:        "same-origin",
		ContentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
	}))
	e.Use(s.moreHeaders)
	// Evidence uploads (evidenceBody) and workbook uploads have their own,
	// larger limits.
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: bodyLimit,
		Skipper: func(c echo.Context) bool { return isEvidenceUpload(c.Request()) || workbookBody(c) }}))
	// Pages and reads beyond a few at once wait their turn (inflight.go),
	// before their compressor and their reads are allocated.
	e.Use(inflight(pagesInFlight()))
	// Gzip, stateless, for GET and HEAD only (compress.go).
	e.Use(s.gzip)
	e.Use(s.authenticate)
	e.Use(s.evidenceBody)
	e.Use(s.csrf())
}

// csrf is Echo's CSRF check, with the cookie Secure on requests that came
// over HTTPS (s.secure), so the flag follows the request, not only the
// start-up setting.
func (s *Server) csrf() echo.MiddlewareFunc {
	cfg := middleware.CSRFConfig{
		Skipper:        func(c echo.Context) bool { return strings.HasPrefix(c.Request().URL.Path, "/api/") },
		TokenLookup:    "form:_csrf,header:X-CSRF-Token",
		CookieName:     "mnr_csrf",
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteLaxMode,
		ContextKey:     "csrf",
		ErrorHandler: func(err error, c echo.Context) error {
			if bodyTooLarge(c) {
				return echo.ErrStatusRequestEntityTooLarge
			}
			return errForbiddenCSRF
		},
	}
	plain := middleware.CSRFWithConfig(cfg)
	cfg.CookieSecure = true
	secure := middleware.CSRFWithConfig(cfg)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		p, sec := plain(next), secure(next)
		return func(c echo.Context) error {
			if s.secure(c.Request()) {
				return sec(c)
			}
			return p(c)
		}
	}
}

// moreHeaders sets the headers Echo's Secure middleware does not: no
// camera, microphone or location; no window shared with other sites; pages
// never cached (shared office computers); HSTS over HTTPS.
func (s *Server) moreHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if !strings.HasPrefix(c.Request().URL.Path, "/static/") {
			h.Set("Cache-Control", "no-store")
		}
		if s.secure(c.Request()) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		return next(c)
	}
}
