package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/static"
)

// assetSet serves static files under names that carry a hash of their
// content (app.3f2a1b9c.css), so they can be cached for a year and a new
// release is fetched at once.
type assetSet struct {
	hashed map[string]string // app.css → app.3f2a1b9c.css
	files  map[string][]byte // hashed name → content
}

func loadAssets() (*assetSet, error) {
	a := &assetSet{hashed: map[string]string{}, files: map[string][]byte{}}
	err := fs.WalkDir(static.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(static.FS, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(p)
		name := strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		a.hashed[p] = name
		a.files[name] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static: %w", err)
	}
	return a, nil
}

// url returns the hashed URL of a static file.
func (a *assetSet) url(name string) string {
	if h, ok := a.hashed[name]; ok {
		return "/static/" + h
	}
	return "/static/" + name
}

func (s *Server) staticFile(c echo.Context) error {
	b, ok := s.assets.files[c.Param("file")]
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "file not found")
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	return c.Blob(http.StatusOK, mime.TypeByExtension(path.Ext(c.Param("file"))), b)
}

// inlineCSS concatenates stylesheets for documents that must be
// self-contained (the PDF is rendered without fetching anything).
func (a *assetSet) inlineCSS(names ...string) template.CSS {
	var b strings.Builder
	for _, n := range names {
		b.Write(a.files[a.hashed[n]])
		b.WriteByte('\n')
	}
	return template.CSS(b.String())
}
