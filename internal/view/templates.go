package view

import (
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/templates"
)

// parsePages parses one template per language and page, each with the
// layout and the partials it calls, so pages cannot clash over block names
// and every function (translations, dates, framework texts) is bound to
// the page's language. A page carries only the partials it reaches: every
// partial in every page's set was most of the server's memory.
func parsePages(funcsFor func(lang string) template.FuncMap) (map[string]map[string]*template.Template, error) {
	src, err := readSources()
	if err != nil {
		return nil, err
	}
	pages := map[string]map[string]*template.Template{}
	for _, l := range i18n.Languages {
		funcs := funcsFor(l.Code)
		pages[l.Code] = map[string]*template.Template{}
		for _, n := range src.pages {
			t := template.New("layout.html").Funcs(funcs)
			if _, err := t.Parse(src.text["layout.html"]); err != nil {
				return nil, fmt.Errorf("templates: layout: %w", err)
			}
			for _, p := range append(src.partialsOf(n), n) {
				if _, err := t.New(p).Parse(src.text[p]); err != nil {
					return nil, fmt.Errorf("templates: %s: %w", p, err)
				}
			}
			pages[l.Code][strings.TrimSuffix(n, ".html")] = t
		}
	}
	return pages, nil
}

var (
	callRe   = regexp.MustCompile(`\{\{-?\s*(?:template|block)\s+"([^"]+)"`)
	defineRe = regexp.MustCompile(`\{\{-?\s*define\s+"([^"]+)"`)
)

// sources are the embedded template files: the pages, the partials (files
// named _*.html, in name order) and which partials define each name.
type sources struct {
	text     map[string]string
	pages    []string
	partials []string
	definers map[string][]string // template name → partial files defining it (a file defines its own name)
}

func readSources() (*sources, error) {
	names, err := fs.Glob(templates.FS, "*.html")
	if err != nil {
		return nil, err
	}
	s := &sources{text: map[string]string{}, definers: map[string][]string{}}
	for _, n := range names {
		b, err := fs.ReadFile(templates.FS, n)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		s.text[n] = string(b)
		switch {
		case n == "layout.html":
		case strings.HasPrefix(n, "_"):
			s.partials = append(s.partials, n)
			s.definers[n] = append(s.definers[n], n)
			for _, m := range defineRe.FindAllStringSubmatch(s.text[n], -1) {
				s.definers[m[1]] = append(s.definers[m[1]], n)
			}
		default:
			s.pages = append(s.pages, n)
		}
	}
	if _, ok := s.text["layout.html"]; !ok {
		return nil, fmt.Errorf("templates: no layout.html")
	}
	return s, nil
}

// partialsOf lists, in name order, the partial files that the layout and
// page reach through {{template}} and {{block}}, directly or through other
// partials.
func (s *sources) partialsOf(page string) []string {
	need := map[string]bool{}
	queue := []string{s.text["layout.html"], s.text[page]}
	for len(queue) > 0 {
		text := queue[0]
		queue = queue[1:]
		for _, m := range callRe.FindAllStringSubmatch(text, -1) {
			for _, f := range s.definers[m[1]] {
				if !need[f] {
					need[f] = true
					queue = append(queue, s.text[f])
				}
			}
		}
	}
	return slices.DeleteFunc(slices.Clone(s.partials), func(p string) bool { return !need[p] })
}
