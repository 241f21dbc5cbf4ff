package framework

import "fmt"

// NamedText is one translatable text of a framework with where it is, for
// checks that read every text (terminology, completeness).
type NamedText struct {
	Where string
	Text  Text
}

// Texts lists every translatable text of the framework: title, statements,
// scale, recommendations, domains, capabilities, enablers and indicators.
func (f *Framework) Texts() []NamedText {
	out := []NamedText{{"title", f.Title}, {"about", f.About}, {"rule", f.Rule}}
	add := func(where string, t Text) {
		if t != nil {
			out = append(out, NamedText{where, t})
		}
	}
	for _, p := range f.Scale {
		add(fmt.Sprintf("scale %d name", p.Number), p.Name)
		add(fmt.Sprintf("scale %d description", p.Number), p.Description)
	}
	for _, r := range f.Recommendations {
		add(fmt.Sprintf("recommendation %d addressee", r.Number), r.Addressee)
		add(fmt.Sprintf("recommendation %d", r.Number), r.Text)
	}
	for _, d := range f.Domains {
		add("domain "+d.Key+" name", d.Name)
		add("domain "+d.Key+" outcome", d.Outcome)
	}
	for _, c := range f.assessables() {
		where := string(c.Kind) + " " + c.Key
		add(where+" name", c.Name)
		add(where+" short", c.Short)
		add(where+" description", c.Description)
		add(where+" why", c.Why)
		for p := 0; p <= MaxPhase; p++ {
			add(fmt.Sprintf("%s phase %d", where, p), c.Phases[p])
		}
		for _, in := range c.Indicators {
			add("indicator "+in.Key+" text", in.Text)
			add("indicator "+in.Key+" evidence", in.Evidence)
		}
	}
	return out
}
