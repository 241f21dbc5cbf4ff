package web

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/metrics"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// Page cache bounds: a few hundred pages of a few dozen kilobytes gzipped.
const (
	pageCacheEntries = 512
	pageCacheBytes   = 8 << 20
)

// cached serves h's page from the page cache when this reader, in this
// browser and language, was given it at the current data version and
// minute; otherwise it runs h and keeps the page it rendered. The cache
// holds only complete 200 pages that set no cookie, and is skipped when
// a one-time message waits or the browser takes no gzip.
func (s *Server) cached(h echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		key, ok := s.pageKey(c)
		if !ok {
			return h(c)
		}
		version, err := s.db.DataVersion(c.Request().Context())
		if err != nil {
			slog.Warn("page cache skipped", "err", err)
			return h(c)
		}
		minute := s.cfg.Now().Unix() / 60
		if p := s.pages.get(key, version, minute); p != nil {
			metrics.PageCached(true)
			return writeCachedPage(c, p)
		}
		return s.fillPage(c, h, &cachedPage{key: key, version: version, minute: minute})
	}
}

// pageKey names a page for one reader: the user, the browser's CSRF token
// (the page's forms carry it), the language and the address.
func (s *Server) pageKey(c echo.Context) (string, bool) {
	r, p := c.Request(), principal(c)
	tok, _ := c.Get("csrf").(string)
	if r.Method != http.MethodGet || p == nil || tok == "" || !httpx.AcceptsGzip(r) || flashWaiting(c) {
		return "", false
	}
	lang := s.translator(c).Lang.Code
	return strings.Join([]string{strconv.FormatInt(p.User.ID, 10), tok, lang, r.URL.RequestURI()}, "\x00"), true
}

// fillPage runs h into memory; a complete 200 page that set no cookie is
// gzipped once, kept and sent, anything else is sent as h wrote it.
func (s *Server) fillPage(c echo.Context, h echo.HandlerFunc, p *cachedPage) error {
	res := c.Response()
	before, plain := res.Header().Clone(), res.Writer
	rec := &pageRecorder{w: plain}
	res.Writer = rec
	err := h(c)
	res.Writer = plain
	if !rec.wrote {
		return err
	}
	if err != nil || rec.status != http.StatusOK || !cacheableHeader(before, res.Header()) {
		plain.WriteHeader(rec.status)
		_, _ = plain.Write(rec.body.Bytes())
		return err
	}
	p.header = changedHeader(before, res.Header())
	p.gzipped = httpx.Gzip(rec.body.Bytes())
	if org, ok := httpx.LoggedOrganisation(c); ok {
		p.org = org
	}
	s.pages.put(p)
	metrics.PageCached(false)
	httpx.SetGzipped(res.Header(), len(p.gzipped))
	plain.WriteHeader(http.StatusOK)
	_, err = plain.Write(p.gzipped)
	return err
}

// writeCachedPage sends a kept page as h would have.
func writeCachedPage(c echo.Context, p *cachedPage) error {
	if p.org != 0 {
		httpx.LogOrganisation(c, p.org)
	}
	res := c.Response()
	h := res.Header()
	for k, v := range p.header {
		h[k] = v
	}
	httpx.SetGzipped(h, len(p.gzipped))
	res.WriteHeader(http.StatusOK)
	_, err := res.Write(p.gzipped)
	return err
}
