package framework

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Translation is one language's texts for a framework version, kept in its
// own file (mnr-2026.1.ar.yaml beside mnr-2026.1.yaml) so translators work
// on one file and the English source stays readable. Keys are the stable
// keys of the source file.
type Translation struct {
	Lang            string                     `yaml:"lang"`
	Version         string                     `yaml:"version"`
	Title           string                     `yaml:"title"`
	About           string                     `yaml:"about"`
	Rule            string                     `yaml:"rule"`
	Scale           map[string]PhaseText       `yaml:"scale"`
	Recommendations map[int]RecommendationText `yaml:"recommendations"`
	Domains         map[string]DomainText      `yaml:"domains"`
	Capabilities    map[string]CapabilityText  `yaml:"capabilities"`
	Enablers        map[string]CapabilityText  `yaml:"enablers"`
	Indicators      map[string]IndicatorText   `yaml:"indicators"`
}

// RecommendationText translates a recommendation: either its text alone
// (a plain string, as in the 2026.1 files) or its addressee and text.
type RecommendationText struct {
	Addressee string `yaml:"addressee"`
	Text      string `yaml:"text"`
}

// UnmarshalYAML accepts a plain string as the text alone.
func (r *RecommendationText) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&r.Text)
	}
	type plain RecommendationText
	return n.Decode((*plain)(r))
}

// PhaseText translates a scale entry.
type PhaseText struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
}

// DomainText translates a domain.
type DomainText struct {
	Name    string `yaml:"name"`
	Outcome string `yaml:"outcome"`
}

// CapabilityText translates a capability.
type CapabilityText struct {
	Name        string         `yaml:"name"`
	Short       string         `yaml:"short"`
	Description string         `yaml:"description"`
	Why         string         `yaml:"why"`
	Phases      map[int]string `yaml:"phases"`
}

// IndicatorText translates an indicator.
type IndicatorText struct {
	Text     string `yaml:"text"`
	Evidence string `yaml:"evidence"`
}

// applyTranslations merges every translation file of the source file's
// version into f and declares their languages, before validation checks
// that each text exists in each language.
func applyTranslations(f *Framework, fsys fs.FS, source string) error {
	base := strings.TrimSuffix(source, ".yaml")
	names, err := fs.Glob(fsys, base+".*.yaml")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return err
		}
		var t Translation
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&t); err != nil {
			return fmt.Errorf("framework: %s: %w", path.Base(n), err)
		}
		if err := f.apply(&t); err != nil {
			return fmt.Errorf("framework: %s: %w", path.Base(n), err)
		}
	}
	return nil
}

// apply copies a translation's texts into the framework. Keys that the
// framework does not have are errors: they mean the translation is stale.
func (f *Framework) apply(t *Translation) error {
	if t.Lang == "" || t.Lang == "en" {
		return fmt.Errorf("lang must be set and not \"en\"")
	}
	if t.Version != f.Version {
		return fmt.Errorf("translation is for version %q, framework is %q", t.Version, f.Version)
	}
	for _, l := range f.Languages {
		if l == t.Lang {
			return fmt.Errorf("language %q given twice", t.Lang)
		}
	}
	f.Languages = append(f.Languages, t.Lang)
	set := func(dst Text, s string) {
		if dst != nil && strings.TrimSpace(s) != "" {
			dst[t.Lang] = s
		}
	}
	set(f.Title, t.Title)
	set(f.About, t.About)
	set(f.Rule, t.Rule)
	var unknown []string
	for key, pt := range t.Scale {
		found := false
		for _, p := range f.Scale {
			if p.Key == key {
				set(p.Name, pt.Name)
				set(p.Description, pt.Description)
				found = true
			}
		}
		if !found {
			unknown = append(unknown, "scale "+key)
		}
	}
	for n, rt := range t.Recommendations {
		found := false
		for _, r := range f.Recommendations {
			if r.Number == n {
				set(r.Text, rt.Text)
				set(r.Addressee, rt.Addressee)
				found = true
			}
		}
		if !found {
			unknown = append(unknown, fmt.Sprintf("recommendation %d", n))
		}
	}
	doms := map[string]*Domain{}
	caps := map[string]*Capability{}
	enbs := map[string]*Capability{}
	inds := map[string]*Indicator{}
	for _, d := range f.Domains {
		doms[d.Key] = d
		for _, c := range d.Capabilities {
			caps[c.Key] = c
			for _, in := range c.Indicators {
				inds[in.Key] = in
			}
		}
	}
	for _, e := range f.EnablerSection {
		enbs[e.Key] = e
		for _, in := range e.Indicators {
			inds[in.Key] = in
		}
	}
	for key, dt := range t.Domains {
		d, ok := doms[key]
		if !ok {
			unknown = append(unknown, "domain "+key)
			continue
		}
		set(d.Name, dt.Name)
		set(d.Outcome, dt.Outcome)
	}
	apply := func(kind string, table map[string]CapabilityText, known map[string]*Capability) {
		for key, ct := range table {
			c, ok := known[key]
			if !ok {
				unknown = append(unknown, kind+" "+key)
				continue
			}
			set(c.Name, ct.Name)
			set(c.Short, ct.Short)
			set(c.Description, ct.Description)
			set(c.Why, ct.Why)
			for p, s := range ct.Phases {
				set(c.Phases[p], s)
			}
		}
	}
	apply("capability", t.Capabilities, caps)
	apply("enabler", t.Enablers, enbs)
	for key, it := range t.Indicators {
		in, ok := inds[key]
		if !ok {
			unknown = append(unknown, "indicator "+key)
			continue
		}
		set(in.Text, it.Text)
		set(in.Evidence, it.Evidence)
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("keys not in the framework: %s", strings.Join(unknown, ", "))
	}
	return nil
}
