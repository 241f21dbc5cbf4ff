// Package view renders the application's pages and documents: one
// template set per language and page, parsed once at start, the template
// functions bound to each language, and the hashed static assets. It
// renders into memory without a request, so the web pages, the PDF
// renderer and the command line share it; whatever belongs to a reader
// (principal, CSRF token, flash) is put in the Page by the caller.
package view

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// View holds the parsed templates and the assets.
type View struct {
	pages  map[string]map[string]*template.Template // language → page → template
	assets *Assets
	i18n   *i18n.Bundle
}

// New parses every page in every language with bundle's messages. It
// fails only when an embedded template or asset is broken.
func New(bundle *i18n.Bundle) (*View, error) {
	v := &View{i18n: bundle}
	var err error
	if v.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if v.pages, err = parsePages(v.funcs); err != nil {
		return nil, err
	}
	return v, nil
}

// Assets are the hashed static files the pages link to.
func (v *View) Assets() *Assets { return v.assets }

// Translator speaks lang (English when lang is not supported).
func (v *View) Translator(lang string) *i18n.Translator { return v.i18n.For(lang) }

// Render executes page in lang into memory, so an error never leaves half
// a page. The page's language, direction and language list are set here;
// all else of d is the caller's.
func (v *View) Render(lang, page string, d Page) ([]byte, error) {
	tr := v.i18n.For(lang)
	t, ok := v.pages[tr.Lang.Code][page]
	if !ok {
		return nil, fmt.Errorf("no template %q", page)
	}
	d.Lang, d.Dir, d.Languages = tr.Lang.Code, tr.Lang.Dir, i18n.Languages
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}
