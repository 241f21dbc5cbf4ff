package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/view"
)

// pageData is what every page template receives (view.Page); render fills
// in what belongs to the request: the reader, the CSRF token, the flash,
// the path and the error in the reader's language.
type pageData = view.Page

func (s *Server) render(c echo.Context, page string, d pageData) error {
	return s.renderStatus(c, http.StatusOK, page, d)
}

// renderStatus executes into a buffer first, so a template error becomes a
// clean error page instead of half a page.
func (s *Server) renderStatus(c echo.Context, status int, page string, d pageData) error {
	lang := s.pageData(c, &d)
	return s.view.RenderWith(lang, page, d, func(b []byte) error { return c.HTMLBlob(status, b) })
}

// pageData fills in what belongs to the request and returns the reader's
// language.
func (s *Server) pageData(c echo.Context, d *pageData) string {
	tr := s.translator(c)
	d.Principal = principal(c)
	if d.Principal != nil && !d.PDF {
		d.Unread = s.unreadCount(c)
	}
	if tok, ok := c.Get("csrf").(string); ok {
		d.CSRF = tok
	}
	d.Error = s.localizeError(c, d.Error)
	d.Path = c.Request().URL.Path
	if sess := session(c); sess != nil && d.Flash == "" {
		if f, ok := sess.Values["flash"].(string); ok && f != "" {
			d.Flash = f
			delete(sess.Values, "flash")
			_ = sess.Save(c.Request(), c.Response())
		}
	}
	return tr.Lang.Code
}

// flash stores a one-time message shown on the next page.
func flash(c echo.Context, msg string) {
	if sess := session(c); sess != nil {
		sess.Values["flash"] = msg
		_ = sess.Save(c.Request(), c.Response())
	}
}
