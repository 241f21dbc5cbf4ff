package view

import (
	"html/template"
	"sync"
	"sync/atomic"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// progressBars caches the "progress" partial by language and completion:
// the overview shows one per capability and domain, and a bar depends on
// nothing else. Completions are small numbers, so few differ; maxProgressBars
// bounds the map anyway.
type progressBars struct {
	m sync.Map
	n atomic.Int64
}

type progressKey struct {
	lang string
	c    assessment.Completion
}

const maxProgressBars = 10000

// progressBar is the "progress" partial of c in lang, rendered once.
func (v *View) progressBar(lang string, c assessment.Completion) (template.HTML, error) {
	key := progressKey{lang, c}
	if h, ok := v.progress.m.Load(key); ok {
		return h.(template.HTML), nil
	}
	h, err := fragment(v.fragments[lang], "progress", c)
	if err != nil {
		return "", err
	}
	if v.progress.n.Add(1) <= maxProgressBars {
		v.progress.m.Store(key, h)
	}
	return h, nil
}

// contributorOptions are the assign form's options, rendered once per
// overview instead of once per capability row.
func (v *View) contributorOptions(lang string, us []assessment.User) (template.HTML, error) {
	return fragment(v.fragments[lang], "contributor-options", us)
}
