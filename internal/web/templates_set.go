package web

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/templates"
)

// templateSet holds one template per language and page, each with the
// layout and the partials, so pages cannot clash over block names and
// every function (translations, dates, framework texts) is bound to the
// page's language. A page is parsed for a language the first time it is
// shown in it: parsing every page for every language up front held some
// 100 MB, most of it for pages and languages a server rarely shows.
type templateSet struct {
	funcsFor func(lang string) template.FuncMap
	sources  map[string]string // file name → text
	partials []string
	parsed   sync.Map // lang + "/" + page → *template.Template
	mu       sync.Mutex
}

// loadTemplates reads the template files and parses every page once (in
// the first language, then drops it), so a broken template stops the
// start rather than a visitor.
func loadTemplates(funcsFor func(lang string) template.FuncMap) (*templateSet, error) {
	names, err := fs.Glob(templates.FS, "*.html")
	if err != nil {
		return nil, err
	}
	ts := &templateSet{funcsFor: funcsFor, sources: map[string]string{}}
	for _, n := range names {
		b, err := fs.ReadFile(templates.FS, n)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		ts.sources[n] = string(b)
		if strings.HasPrefix(n, "_") {
			ts.partials = append(ts.partials, n)
		}
	}
	if _, ok := ts.sources["layout.html"]; !ok {
		return nil, fmt.Errorf("templates: no layout.html")
	}
	for _, n := range names {
		if n != "layout.html" && !strings.HasPrefix(n, "_") {
			if _, err := ts.parse(i18n.Languages[0].Code, strings.TrimSuffix(n, ".html")); err != nil {
				return nil, err
			}
		}
	}
	return ts, nil
}

// page returns a page's template in lang, parsing it on first use.
func (ts *templateSet) page(lang, page string) (*template.Template, error) {
	key := lang + "/" + page
	if t, ok := ts.parsed.Load(key); ok {
		return t.(*template.Template), nil
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if t, ok := ts.parsed.Load(key); ok { // parsed while we waited
		return t.(*template.Template), nil
	}
	t, err := ts.parse(lang, page)
	if err != nil {
		return nil, err
	}
	ts.parsed.Store(key, t)
	return t, nil
}

// parse builds a page's template set in lang.
func (ts *templateSet) parse(lang, page string) (*template.Template, error) {
	src, ok := ts.sources[page+".html"]
	if !ok || page == "layout" || strings.HasPrefix(page, "_") {
		return nil, fmt.Errorf("no template %q", page)
	}
	t := template.New("layout.html").Funcs(ts.funcsFor(lang))
	if _, err := t.Parse(ts.sources["layout.html"]); err != nil {
		return nil, fmt.Errorf("templates: layout: %w", err)
	}
	for _, p := range ts.partials {
		if _, err := t.New(p).Parse(ts.sources[p]); err != nil {
			return nil, fmt.Errorf("templates: %s: %w", p, err)
		}
	}
	if _, err := t.New(page + ".html").Parse(src); err != nil {
		return nil, fmt.Errorf("templates: %s.html: %w", page, err)
	}
	return t, nil
}
