package framework

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Bounds on indicators per capability and per enabler, from the product's
// content rules: enough for every phase to have its own tests, few enough
// for one sitting. Legislation in 2026.2, with one indicator per ICMEC
// criterion and per missing offence or power, is the longest.
const (
	MinIndicators        = 4
	MaxIndicators        = 20
	MinEnablerIndicators = 4 // every phase 1..MaxPhase needs one
	MaxEnablerIndicators = 5
	MaxEnablers          = 9
)

var keyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidationError lists every problem found, each naming the key at fault.
type ValidationError struct{ Problems []string }

func (e *ValidationError) Error() string {
	return "framework: invalid: " + strings.Join(e.Problems, "; ")
}

// Validate checks the structural rules the rest of the app relies on:
// unique slug keys, a complete scale, a descriptor for every phase, indicators
// covering phases 1..MaxPhase, and every text in every declared language.
func (f *Framework) Validate() error {
	v := &validator{f: f, seen: map[string]string{}}
	v.run()
	if len(v.problems) > 0 {
		return &ValidationError{Problems: v.problems}
	}
	return nil
}

type validator struct {
	f        *Framework
	seen     map[string]string
	problems []string
}

func (v *validator) addf(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

func (v *validator) text(where string, t Text) {
	for _, lang := range v.f.Languages {
		if strings.TrimSpace(t[lang]) == "" {
			v.addf("%s: missing %q text", where, lang)
		}
	}
}

func (v *validator) key(kind, key string) {
	if !keyPattern.MatchString(key) {
		v.addf("%s %q: key must be a lowercase slug", kind, key)
	}
	if prev, dup := v.seen[key]; dup {
		v.addf("%s %q: key already used by a %s", kind, key, prev)
	}
	v.seen[key] = kind
}

func (v *validator) run() {
	f := v.f
	if strings.TrimSpace(f.Version) == "" {
		v.addf("version: missing")
	}
	if len(f.Languages) == 0 || f.Languages[0] != "en" {
		v.addf("languages: must list \"en\" first")
	}
	v.text("title", f.Title)
	v.text("about", f.About)
	v.text("rule", f.Rule)
	v.scale()
	recs := map[int]bool{}
	for _, r := range f.Recommendations {
		if recs[r.Number] {
			v.addf("recommendation %d: number used twice", r.Number)
		}
		recs[r.Number] = true
		v.text(fmt.Sprintf("recommendation %d", r.Number), r.Text)
		if r.Addressee != nil {
			v.text(fmt.Sprintf("recommendation %d addressee", r.Number), r.Addressee)
		}
	}
	numbers := map[int]string{}
	if len(f.Domains) == 0 {
		v.addf("domains: none")
	}
	for _, d := range f.Domains {
		v.key("domain", d.Key)
		v.text("domain "+d.Key+" name", d.Name)
		v.text("domain "+d.Key+" outcome", d.Outcome)
		if len(d.Capabilities) == 0 {
			v.addf("domain %q: no capabilities", d.Key)
		}
		for _, c := range d.Capabilities {
			if prev, dup := numbers[c.Number]; dup {
				v.addf("capability %q: number %d already used by %q", c.Key, c.Number, prev)
			}
			numbers[c.Number] = c.Key
			v.capability("capability", c, recs, MinIndicators, MaxIndicators)
		}
	}
	for i := 1; i <= len(numbers); i++ {
		if _, ok := numbers[i]; !ok {
			v.addf("capabilities: numbering has a gap at %d", i)
		}
	}
	v.enablers(recs)
	v.mappings()
}

// enablers checks the enablers section like capabilities, with their own
// numbering (E1…) and bounds.
func (v *validator) enablers(recs map[int]bool) {
	if len(v.f.EnablerSection) > MaxEnablers {
		v.addf("enablers: %d, at most %d", len(v.f.EnablerSection), MaxEnablers)
	}
	numbers := map[int]string{}
	for _, e := range v.f.EnablerSection {
		if prev, dup := numbers[e.Number]; dup {
			v.addf("enabler %q: number %d already used by %q", e.Key, e.Number, prev)
		}
		numbers[e.Number] = e.Key
		v.capability("enabler", e, recs, MinEnablerIndicators, MaxEnablerIndicators)
	}
	for i := 1; i <= len(numbers); i++ {
		if _, ok := numbers[i]; !ok {
			v.addf("enablers: numbering has a gap at E%d", i)
		}
	}
}

func (v *validator) scale() {
	if len(v.f.Scale) != MaxPhase+1 {
		v.addf("scale: want phases 0..%d, got %d entries", MaxPhase, len(v.f.Scale))
	}
	for i, p := range v.f.Scale {
		if p.Number != i {
			v.addf("scale: entry %d has phase %d, want %d", i, p.Number, i)
		}
		v.key("phase", p.Key)
		v.text(fmt.Sprintf("scale phase %d name", p.Number), p.Name)
		v.text(fmt.Sprintf("scale phase %d description", p.Number), p.Description)
	}
}

func (v *validator) capability(kind string, c *Capability, recs map[int]bool, minInd, maxInd int) {
	v.key(kind, c.Key)
	where := kind + " " + c.Key
	if c.Number < 1 {
		v.addf("%s: number must be 1 or more", where)
	}
	v.text(where+" name", c.Name)
	v.text(where+" short", c.Short)
	v.text(where+" description", c.Description)
	v.text(where+" why", c.Why)
	for p := 0; p <= MaxPhase; p++ {
		t, ok := c.Phases[p]
		if !ok {
			v.addf("%s: no descriptor for phase %d", where, p)
			continue
		}
		v.text(fmt.Sprintf("%s phase %d", where, p), t)
	}
	for p := range c.Phases {
		if p < 0 || p > MaxPhase {
			v.addf("%s: descriptor for unknown phase %d", where, p)
		}
	}
	if n := len(c.Indicators); n < minInd || n > maxInd {
		v.addf("%s: has %d indicators, want %d to %d", where, n, minInd, maxInd)
	}
	covered := map[int]bool{}
	for _, in := range c.Indicators {
		v.key("indicator", in.Key)
		if !strings.HasPrefix(in.Key, c.Key+"-") {
			v.addf("indicator %q: key must start with %q", in.Key, c.Key+"-")
		}
		if in.Phase < 1 || in.Phase > MaxPhase {
			v.addf("indicator %q: phase %d out of range 1..%d", in.Key, in.Phase, MaxPhase)
		}
		covered[in.Phase] = true
		v.text("indicator "+in.Key+" text", in.Text)
		v.text("indicator "+in.Key+" evidence", in.Evidence)
	}
	for p := 1; p <= MaxPhase; p++ {
		if !covered[p] {
			v.addf("%s: no indicator for phase %d", where, p)
		}
	}
	for _, n := range c.Recommendations {
		if !recs[n] {
			v.addf("%s: refers to unknown recommendation %d", where, n)
		}
	}
}

// ErrNotFound is returned by lookups of keys the framework does not hold.
var ErrNotFound = errors.New("framework: not found")
