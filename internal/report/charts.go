package report

import (
	"html/template"
	"sync"
)

// chartSet holds a report's two charts, drawn on first use, and what pages
// render of it (Memo): a report kept in a cache is drawn once, not once
// per page view.
type chartSet struct {
	once              sync.Once
	radar, domainBars template.HTML
	mu                sync.Mutex
	memo              map[string]any // Memo
}

// Charts returns the radar and the domain bars of r in its language.
func (r *Report) Charts() (radar, domainBars template.HTML) {
	if r.charts == nil { // a report not made by BuildAt
		return RadarSVG(r, r.Lang), DomainBarsSVG(r, r.Lang)
	}
	r.charts.once.Do(func() { r.charts.radar, r.charts.domainBars = RadarSVG(r, r.Lang), DomainBarsSVG(r, r.Lang) })
	return r.charts.radar, r.charts.domainBars
}

// Memo returns what is kept under name for this report, made by build on
// first use: a page keeps here what it renders of a cached report, so
// every reader of the same version shares one rendering.
func (r *Report) Memo(name string, build func() (any, error)) (any, error) {
	if r.charts == nil {
		return build()
	}
	m := r.charts
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.memo[name]; ok {
		return v, nil
	}
	v, err := build()
	if err != nil {
		return nil, err
	}
	if m.memo == nil {
		m.memo = map[string]any{}
	}
	m.memo[name] = v
	return v, nil
}
