// Package framework holds the WePROTECT Model National Response as data:
// domains, capabilities, maturity phases and indicators, loaded from a
// versioned YAML file and validated before the app starts. It imports nothing
// of ours so every other package can depend on it.
package framework

import (
	"sort"
)

// MaxPhase is the highest maturity phase a capability can reach. The scale
// itself (names, descriptions) lives in the data file; only its bounds are
// fixed here because scoring arithmetic depends on them.
const MaxPhase = 4

// Text is a string in every language the framework declares, keyed by
// language tag ("en", "ar", "fr", "es").
type Text map[string]string

// In returns the text in lang, falling back to English, so a partial
// translation never shows an empty label.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	return t["en"]
}

// Framework is one version of the MNR framework.
type Framework struct {
	Version string `yaml:"version" json:"version"`
	Title   Text   `yaml:"title" json:"title"`
	// About says what the framework is: this application's
	// operationalisation of the MNR and its maturity model, not an official
	// WeProtect instrument.
	About Text `yaml:"about" json:"about"`
	// Rule states in words how answers place a capability (the rule of
	// assessment.Rate), so pages and reports can show it.
	Rule      Text      `yaml:"rule" json:"rule"`
	Languages []string  `yaml:"languages" json:"languages"`
	Scale     []Phase   `yaml:"scale" json:"scale"`
	Domains   []*Domain `yaml:"domains" json:"domains"`
	// Enablers are the MNR's cross-cutting conditions, answered like
	// capabilities but kept apart from them: Capabilities() and Domains
	// never include them, so no capability figure mixes them in.
	// The field is EnablerSection because Enablers() is the accessor.
	EnablerSection  []*Capability    `yaml:"enablers,omitempty" json:"enablers"`
	Recommendations []Recommendation `yaml:"recommendations" json:"recommendations"`
	// Mappings relate earlier versions' keys to this version's (optional).
	Mappings []Mapping `yaml:"mappings,omitempty" json:"mappings,omitempty"`

	capabilities map[string]*Capability
	enablers     map[string]*Capability
	indicators   map[string]*Indicator
	ordered      []*Capability
}

// Phase is one step of the maturity scale, 0 (not in place) to MaxPhase.
type Phase struct {
	Number      int    `yaml:"phase" json:"phase"`
	Key         string `yaml:"key" json:"key"`
	Name        Text   `yaml:"name" json:"name"`
	Description Text   `yaml:"description" json:"description"`
}

// Domain groups capabilities under one outcome.
type Domain struct {
	Key          string        `yaml:"key" json:"key"`
	Number       int           `yaml:"number" json:"number"`
	Name         Text          `yaml:"name" json:"name"`
	Outcome      Text          `yaml:"outcome" json:"outcome"`
	Capabilities []*Capability `yaml:"capabilities" json:"capabilities"`
}

// Capability is one of the MNR's 21 numbered capabilities, or one of its
// enablers (Kind tells which): both are answered through indicators and
// placed on the same scale, so one shape serves the questionnaire for both.
type Capability struct {
	Key             string       `yaml:"key" json:"key"`
	Number          int          `yaml:"number" json:"number"`
	Name            Text         `yaml:"name" json:"name"`
	Short           Text         `yaml:"short" json:"short"`
	Description     Text         `yaml:"description" json:"description"`
	Why             Text         `yaml:"why" json:"why"`
	Phases          map[int]Text `yaml:"phases" json:"phases"`
	Indicators      []*Indicator `yaml:"indicators" json:"indicators"`
	Recommendations []int        `yaml:"recommendations" json:"recommendations"`

	// Kind is KindCapability or KindEnabler, set when the framework is
	// indexed from the section the entry is in.
	Kind Kind `yaml:"-" json:"-"`
	// Domain is the capability's domain; nil for an enabler.
	Domain *Domain `yaml:"-" json:"-"`
}

// Indicator is a concrete statement that evidence can confirm, tied to the
// phase it demonstrates.
type Indicator struct {
	Key      string `yaml:"key" json:"key"`
	Phase    int    `yaml:"phase" json:"phase"`
	Text     Text   `yaml:"text" json:"text"`
	Evidence Text   `yaml:"evidence" json:"evidence"`

	Capability *Capability `yaml:"-" json:"-"`
}

// Recommendation is one of the source document's recommendations; capabilities
// refer to it by number. Addressee is who the source addresses it to (the
// international community, technology companies, national policy makers…).
type Recommendation struct {
	Number    int  `yaml:"number" json:"number"`
	Addressee Text `yaml:"addressee,omitempty" json:"addressee,omitempty"`
	Text      Text `yaml:"text" json:"text"`
}

// Capability returns the capability with key, or nil. Enablers are not
// capabilities: use Enabler or Assessable for them.
func (f *Framework) Capability(key string) *Capability { return f.capabilities[key] }

// Enabler returns the enabler with key, or nil.
func (f *Framework) Enabler(key string) *Capability { return f.enablers[key] }

// Assessable returns the capability or enabler with key, or nil: whatever
// the questionnaire can answer.
func (f *Framework) Assessable(key string) *Capability {
	if c := f.capabilities[key]; c != nil {
		return c
	}
	return f.enablers[key]
}

// Indicator returns the indicator with key, of a capability or an enabler
// (its Capability field points to either), or nil.
func (f *Framework) Indicator(key string) *Indicator { return f.indicators[key] }

// Capabilities returns all capabilities in MNR number order, never the
// enablers.
func (f *Framework) Capabilities() []*Capability { return f.ordered }

// Enablers returns the enablers in number order (E1…), empty for versions
// that define none.
func (f *Framework) Enablers() []*Capability { return f.EnablerSection }

// PhaseInfo returns the scale entry for phase n.
func (f *Framework) PhaseInfo(n int) Phase {
	for _, p := range f.Scale {
		if p.Number == n {
			return p
		}
	}
	return Phase{Number: n}
}

// RecommendationsFor returns the recommendations a capability refers to.
func (f *Framework) RecommendationsFor(c *Capability) []Recommendation {
	var out []Recommendation
	for _, n := range c.Recommendations {
		for _, r := range f.Recommendations {
			if r.Number == n {
				out = append(out, r)
			}
		}
	}
	return out
}

// IndicatorsByPhase returns the capability's indicators of phase p.
func (c *Capability) IndicatorsByPhase(p int) []*Indicator {
	var out []*Indicator
	for _, in := range c.Indicators {
		if in.Phase == p {
			out = append(out, in)
		}
	}
	return out
}

// index builds the lookup maps and back-pointers after loading.
func (f *Framework) index() {
	f.capabilities = map[string]*Capability{}
	f.enablers = map[string]*Capability{}
	f.indicators = map[string]*Indicator{}
	f.ordered = nil
	for _, d := range f.Domains {
		for _, c := range d.Capabilities {
			c.Domain, c.Kind = d, KindCapability
			f.capabilities[c.Key] = c
			f.ordered = append(f.ordered, c)
			f.indexIndicators(c)
		}
	}
	sort.SliceStable(f.ordered, func(i, j int) bool { return f.ordered[i].Number < f.ordered[j].Number })
	if f.EnablerSection == nil {
		f.EnablerSection = []*Capability{} // JSON shows [] for a version without enablers
	}
	for _, e := range f.EnablerSection {
		e.Kind = KindEnabler
		f.enablers[e.Key] = e
		f.indexIndicators(e)
	}
	sort.SliceStable(f.EnablerSection, func(i, j int) bool { return f.EnablerSection[i].Number < f.EnablerSection[j].Number })
}

func (f *Framework) indexIndicators(c *Capability) {
	for _, in := range c.Indicators {
		in.Capability = c
		f.indicators[in.Key] = in
	}
}
