package view

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/templates"
)

// parsePages parses one template per language and page, each with the
// layout and the partials, so pages cannot clash over block names and
// every function (translations, dates, framework texts) is bound to the
// page's language.
func parsePages(funcsFor func(lang string) template.FuncMap) (map[string]map[string]*template.Template, error) {
	layout, err := fs.ReadFile(templates.FS, "layout.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	names, err := fs.Glob(templates.FS, "*.html")
	if err != nil {
		return nil, err
	}
	partials, _ := fs.Glob(templates.FS, "_*.html")
	pages := map[string]map[string]*template.Template{}
	for _, l := range i18n.Languages {
		funcs := funcsFor(l.Code)
		pages[l.Code] = map[string]*template.Template{}
		for _, n := range names {
			if n == "layout.html" || strings.HasPrefix(n, "_") {
				continue
			}
			t := template.New("layout.html").Funcs(funcs)
			if _, err := t.Parse(string(layout)); err != nil {
				return nil, fmt.Errorf("templates: layout: %w", err)
			}
			for _, p := range append(partials, n) {
				b, _ := fs.ReadFile(templates.FS, p)
				if _, err := t.New(p).Parse(string(b)); err != nil {
					return nil, fmt.Errorf("templates: %s: %w", p, err)
				}
			}
			pages[l.Code][strings.TrimSuffix(n, ".html")] = t
		}
	}
	return pages, nil
}
