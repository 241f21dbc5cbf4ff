package view

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/mnr-self-assessment/mnr/static"
)

// Assets are the static files under names that carry a hash of their
// content (app.3f2a1b9c.css), so they can be cached for a year and a new
// release is fetched at once.
type Assets struct {
	hashed map[string]string // app.css → app.3f2a1b9c.css
	files  map[string][]byte // hashed name → content
}

func loadAssets() (*Assets, error) {
	a := &Assets{hashed: map[string]string{}, files: map[string][]byte{}}
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

// URL returns the hashed URL of a static file.
func (a *Assets) URL(name string) string {
	if h, ok := a.hashed[name]; ok {
		return "/static/" + h
	}
	return "/static/" + name
}

// File is the content of a file by its hashed name.
func (a *Assets) File(hashedName string) ([]byte, bool) {
	b, ok := a.files[hashedName]
	return b, ok
}

// InlineCSS concatenates stylesheets for documents that must be
// self-contained (the PDF is rendered without fetching anything).
func (a *Assets) InlineCSS(names ...string) template.CSS {
	var b strings.Builder
	for _, n := range names {
		b.Write(a.files[a.hashed[n]])
		b.WriteByte('\n')
	}
	return template.CSS(b.String())
}
