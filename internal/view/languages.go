package view

import (
	"fmt"
	"html/template"
	"sync"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// langTemplates are one language's page and fragment sets, parsed the
// first time a page is shown in that language: a language nobody reads in
// costs no memory (each set is a few megabytes of parse trees). English is
// parsed when the view is made, so a broken template fails the start; the
// other languages share its template text and differ only in the functions
// bound to them.
type langTemplates struct {
	once      sync.Once
	pages     map[string]*template.Template
	fragments *template.Template
	err       error
}

// newLanguages prepares a set per language and parses English now.
func (v *View) newLanguages() error {
	src, err := readSources()
	if err != nil {
		return err
	}
	v.src = src
	v.langs = map[string]*langTemplates{}
	for _, l := range i18n.Languages {
		v.langs[l.Code] = &langTemplates{}
	}
	_, err = v.templates("en")
	return err
}

// templates returns lang's sets, parsing them on first use.
func (v *View) templates(lang string) (*langTemplates, error) {
	lt, ok := v.langs[lang]
	if !ok {
		return nil, fmt.Errorf("templates: no language %q", lang)
	}
	lt.once.Do(func() {
		funcs := v.funcs(lang)
		if lt.pages, lt.err = parsePages(v.src, funcs); lt.err == nil {
			lt.fragments, lt.err = parseFragments(v.src, funcs)
		}
	})
	return lt, lt.err
}

// page is lang's template for page.
func (v *View) page(lang, page string) (*template.Template, error) {
	lt, err := v.templates(lang)
	if err != nil {
		return nil, err
	}
	t, ok := lt.pages[page]
	if !ok {
		return nil, fmt.Errorf("no template %q", page)
	}
	return t, nil
}

// fragmentSet is lang's set of fragments.
func (v *View) fragmentSet(lang string) (*template.Template, error) {
	lt, err := v.templates(lang)
	if err != nil {
		return nil, err
	}
	return lt.fragments, nil
}
