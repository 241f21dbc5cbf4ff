package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// pageData is what every page template receives; Data is the page's own.
type pageData struct {
	Title     string
	Principal *policy.Principal
	CSRF      string
	Lang      string
	Dir       string
	Flash     string
	Error     *assessment.Error
	Status    int
	Path      string
	PDF       bool
	Languages []i18n.Lang // for the language switcher
	Unread    int64       // unread notifications, for the header link
	Data      any
}

// FieldError returns the error message when it names field, for showing
// it beside the input.
func (p pageData) FieldError(field string) string {
	if p.Error != nil && p.Error.Field == field {
		return p.Error.Message
	}
	return ""
}

func (s *Server) render(c echo.Context, page string, d pageData) error {
	return s.renderStatus(c, http.StatusOK, page, d)
}

// renderStatus executes into a buffer first, so a template error becomes a
// clean error page instead of half a page.
func (s *Server) renderStatus(c echo.Context, status int, page string, d pageData) error {
	b, err := s.renderBytes(c, page, d)
	if err != nil {
		return err
	}
	return c.HTMLBlob(status, b)
}

// renderBytes executes a page into memory, for responses and for PDF.
func (s *Server) renderBytes(c echo.Context, page string, d pageData) ([]byte, error) {
	tr := s.translator(c)
	t, err := s.templates.page(tr.Lang.Code, page)
	if err != nil {
		return nil, err
	}
	d.Principal = principal(c)
	if d.Principal != nil && !d.PDF {
		d.Unread = s.unreadCount(c)
	}
	if tok, ok := c.Get("csrf").(string); ok {
		d.CSRF = tok
	}
	d.Lang, d.Dir, d.Languages = tr.Lang.Code, tr.Lang.Dir, i18n.Languages
	d.Error = s.localizeError(c, d.Error)
	d.Path = c.Request().URL.Path
	if sess := session(c); sess != nil && d.Flash == "" {
		if f, ok := sess.Values["flash"].(string); ok && f != "" {
			d.Flash = f
			delete(sess.Values, "flash")
			_ = sess.Save(c.Request(), c.Response())
		}
	}
	return execute(t, page, d)
}

// renderDocument executes a page in lang without any request: nothing of
// a reader (name, session, messages) can reach it, so it serves documents
// such as a report's print job.
func (s *Server) renderDocument(lang, page string, d pageData) ([]byte, error) {
	tr := s.i18n.For(lang)
	t, err := s.templates.page(tr.Lang.Code, page)
	if err != nil {
		return nil, err
	}
	d.Lang, d.Dir, d.Languages = tr.Lang.Code, tr.Lang.Dir, i18n.Languages
	return execute(t, page, d)
}

// execute runs a template into memory, so an error never leaves half a page.
func execute(t *template.Template, page string, d pageData) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}

// flash stores a one-time message shown on the next page.
func flash(c echo.Context, msg string) {
	if sess := session(c); sess != nil {
		sess.Values["flash"] = msg
		_ = sess.Save(c.Request(), c.Response())
	}
}
