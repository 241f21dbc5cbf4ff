package framework_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

func v2026_2(t *testing.T) *framework.Framework {
	t.Helper()
	f, err := framework.Get("2026.2")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestVersionsEmbedded(t *testing.T) {
	vs, err := framework.Versions()
	if err != nil || strings.Join(vs, " ") != "2026.1 2026.2" {
		t.Fatalf("versions = %v, %v", vs, err)
	}
	if d, _ := framework.Default(); d.Version != "2026.2" {
		t.Errorf("new assessments start on %s, want 2026.2", d.Version)
	}
}

func TestShape2026_2(t *testing.T) {
	f := v2026_2(t)
	caps := f.Capabilities()
	if len(f.Domains) != 6 || len(caps) != 21 {
		t.Fatalf("%d domains, %d capabilities", len(f.Domains), len(caps))
	}
	for i, c := range caps {
		if c.Number != i+1 || c.IsEnabler() || c.Domain == nil || c.Label() != itoa(i+1) {
			t.Errorf("capability %d: number %d, enabler %v, label %q", i+1, c.Number, c.IsEnabler(), c.Label())
		}
		// Phase 1 never rests on a single indicator in a capability.
		if n := len(c.IndicatorsByPhase(1)); n < 2 {
			t.Errorf("%s: %d phase-1 indicator(s); phase 1 should not rest on one", c.Key, n)
		}
		for _, in := range c.Indicators {
			if in.Evidence.In("en") == "" {
				t.Errorf("%s has no evidence hint", in.Key)
			}
		}
	}
	if !strings.Contains(f.About.In("en"), "not an official WeProtect") {
		t.Errorf("about: %q", f.About.In("en"))
	}
	if !strings.Contains(f.Rule.In("en"), "Yes or Partly") || !strings.Contains(f.Rule.In("en"), "enablers") {
		t.Errorf("rule: %q", f.Rule.In("en"))
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestEnablers(t *testing.T) {
	f := v2026_2(t)
	want := []string{"collaboration", "justice-system", "reporting-environment", "aware-public", "resources"}
	es := f.Enablers()
	if len(es) != len(want) {
		t.Fatalf("%d enablers", len(es))
	}
	for i, e := range es {
		if e.Key != want[i] || e.Number != i+1 || !e.IsEnabler() || e.Domain != nil || e.Label() != "E"+itoa(i+1) {
			t.Errorf("enabler %d: %s number %d label %q", i+1, e.Key, e.Number, e.Label())
		}
		if n := len(e.Indicators); n < 3 || n > 5 {
			t.Errorf("%s: %d indicators, want 3 to 5", e.Key, n)
		}
		if f.Enabler(e.Key) != e || f.Assessable(e.Key) != e || f.Capability(e.Key) != nil {
			t.Errorf("%s: lookups disagree", e.Key)
		}
		for _, in := range e.Indicators {
			if got := f.Indicator(in.Key); got != in || got.Capability != e {
				t.Errorf("%s: Indicator() does not find it with its enabler", in.Key)
			}
		}
	}
	for _, c := range f.Capabilities() {
		if c.IsEnabler() {
			t.Errorf("Capabilities() lists enabler %s", c.Key)
		}
	}
	if f.Assessable("leadership") != f.Capability("leadership") || f.Enabler("leadership") != nil {
		t.Error("Assessable/Enabler on a capability key")
	}
	// 2026.1 has none, and says so as an empty list.
	if old, _ := framework.Get("2026.1"); len(old.Enablers()) != 0 || old.Enabler("collaboration") != nil {
		t.Error("2026.1 has enablers")
	}
}

// The API shows enablers in the capabilities' shape, numbered E1…E5.
func TestEnablerJSON(t *testing.T) {
	f := v2026_2(t)
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Domains []struct {
			Capabilities []map[string]any `json:"capabilities"`
		} `json:"domains"`
		Enablers []map[string]any `json:"enablers"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Enablers) != 5 || doc.Enablers[0]["number"] != "E1" || doc.Enablers[0]["kind"] != "enabler" || doc.Enablers[0]["key"] != "collaboration" {
		t.Fatalf("first enabler = %v", doc.Enablers[0])
	}
	if inds, ok := doc.Enablers[4]["indicators"].([]any); !ok || len(inds) != 5 {
		t.Errorf("E5 indicators = %v", doc.Enablers[4]["indicators"])
	}
	first := doc.Domains[0].Capabilities[0]
	if first["number"] != float64(1) || first["kind"] != nil {
		t.Errorf("capability 1 = number %v kind %v; capabilities keep numeric numbers", first["number"], first["kind"])
	}
	old, _ := framework.Get("2026.1")
	b, _ = json.Marshal(old)
	if !strings.Contains(string(b), `"enablers":[]`) {
		t.Error("2026.1 JSON lacks an empty enablers list")
	}
}

func TestLegislation2026_2(t *testing.T) {
	f := v2026_2(t)
	leg := f.Capability("legislation")
	byText := func(sub string) []string {
		var keys []string
		for _, in := range leg.Indicators {
			if strings.Contains(in.Text.In("en"), sub) {
				keys = append(keys, in.Key)
			}
		}
		return keys
	}
	for n := 1; n <= 5; n++ {
		if got := byText("ICMEC criterion " + itoa(n)); len(got) != 1 {
			t.Errorf("ICMEC criterion %d in %v, want exactly one indicator", n, got)
		}
	}
	for _, want := range []string{"under 18", "art. 18", "art. 23", "abroad", "legal persons", "criminal-record check",
		"professionals who work with children", "preservation", "production order", "AI-generated", "sexual extortion", "(OPSC)"} {
		if len(byText(want)) == 0 {
			t.Errorf("no legislation indicator mentions %q", want)
		}
	}
	// Domestic law is the phase-1 gate; ratification is its own indicator, above it.
	for _, in := range leg.IndicatorsByPhase(1) {
		if strings.Contains(in.Text.In("en"), "party to") || strings.Contains(in.Text.In("en"), "ratif") {
			t.Errorf("%s: phase 1 gates on ratification", in.Key)
		}
	}
	opsc := f.Indicator(byText("(OPSC)")[0])
	if opsc.Phase < 2 {
		t.Errorf("OPSC indicator at phase %d", opsc.Phase)
	}
	// Safe harbour has one place: CSEA reporting (17).
	for _, c := range f.Capabilities() {
		for _, in := range c.Indicators {
			if strings.Contains(in.Text.In("en"), "from liability when they") && c.Key != "industry-reporting" {
				t.Errorf("%s tests the providers' safe harbour outside industry-reporting", in.Key)
			}
		}
	}
}

func TestContentChanges2026_2(t *testing.T) {
	f := v2026_2(t)
	text := func(key string) string { return f.Indicator(key).Text.In("en") }
	if !strings.Contains(text("hotline-5"), "or an equivalent international route") {
		t.Errorf("hotline-5 still gates on INHOPE alone: %s", text("hotline-5"))
	}
	if strings.Contains(text("law-enforcement-4"), "All investigators") {
		t.Errorf("law-enforcement-4 still requires every investigator trained")
	}
	for _, key := range []string{"law-enforcement-9", "law-enforcement-10", "law-enforcement-11", "law-enforcement-12"} {
		if f.Indicator(key) == nil {
			t.Errorf("missing %s (forensic backlog, triage time, proactive investigation, forensic time)", key)
		}
	}
	for _, gone := range []string{"innovative-solutions-1", "corporate-responsibility-1", "leadership-4", "child-helpline-6", "law-enforcement-7"} {
		if f.Indicator(gone) != nil {
			t.Errorf("%s is still there", gone)
		}
	}
	// Treatment of convicted offenders has one place and one phase.
	n := 0
	for _, c := range f.Capabilities() {
		for _, in := range c.Indicators {
			if strings.Contains(in.Text.In("en"), "treatment programme") {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("%d indicators test treatment programmes for convicted offenders, want 1", n)
	}
	recs := map[int]framework.Recommendation{}
	for _, r := range f.Recommendations {
		recs[r.Number] = r
		if r.Addressee.In("en") == "" {
			t.Errorf("recommendation %d has no addressee", r.Number)
		}
	}
	if !strings.Contains(recs[5].Text.In("en"), "age assurance") || recs[5].Addressee.In("en") != "Global technology companies" {
		t.Errorf("recommendation 5: %s / %s", recs[5].Addressee.In("en"), recs[5].Text.In("en"))
	}
	if !strings.Contains(recs[10].Text.In("en"), "victims' perspectives") {
		t.Errorf("recommendation 10: %s", recs[10].Text.In("en"))
	}
	if recs[1].Addressee.In("en") != "The international community" {
		t.Errorf("recommendation 1 addressee: %s", recs[1].Addressee.In("en"))
	}
}

// Every version's texts exist in every declared language (Validate fails
// otherwise); this checks the languages are all declared.
func TestEveryVersionInFourLanguages(t *testing.T) {
	vs, _ := framework.Versions()
	for _, v := range vs {
		f, _ := framework.Get(v)
		if strings.Join(f.Languages, " ") != "en ar es fr" {
			t.Errorf("%s languages = %v", v, f.Languages)
		}
		for _, nt := range f.Texts() {
			for _, l := range f.Languages {
				if strings.TrimSpace(nt.Text[l]) == "" {
					t.Errorf("%s %s: no %s text", v, nt.Where, l)
				}
			}
		}
	}
}
