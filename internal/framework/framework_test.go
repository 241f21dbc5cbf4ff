package framework_test

import (
	"os"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

func TestFramework2026_1Shape(t *testing.T) {
	f, err := framework.Get("2026.1")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Domains) != 6 {
		t.Fatalf("domains = %d, want 6", len(f.Domains))
	}
	wantPerDomain := []int{3, 4, 4, 4, 4, 2}
	for i, d := range f.Domains {
		if len(d.Capabilities) != wantPerDomain[i] {
			t.Errorf("domain %s has %d capabilities, want %d", d.Key, len(d.Capabilities), wantPerDomain[i])
		}
	}
	caps := f.Capabilities()
	if len(caps) != 21 {
		t.Fatalf("capabilities = %d, want 21", len(caps))
	}
	for i, c := range caps {
		if c.Number != i+1 {
			t.Errorf("capability %d has number %d", i+1, c.Number)
		}
		if n := len(c.Indicators); n < 4 || n > 8 {
			t.Errorf("%s has %d indicators", c.Key, n)
		}
		for p := 1; p <= 4; p++ {
			if len(c.IndicatorsByPhase(p)) == 0 {
				t.Errorf("%s has no indicator for phase %d", c.Key, p)
			}
		}
		for p := 0; p <= 4; p++ {
			if c.Phases[p].In("en") == "" {
				t.Errorf("%s has no descriptor for phase %d", c.Key, p)
			}
		}
	}
	names := []string{"Not in place", "Building", "Developing", "Established", "Mature"}
	for i, n := range names {
		if got := f.PhaseInfo(i).Name.In("en"); got != n {
			t.Errorf("phase %d = %q, want %q", i, got, n)
		}
	}
}

func TestLegislationCarriesICMECAndLanzarote(t *testing.T) {
	f, _ := framework.Get("2026.1")
	var all strings.Builder
	for _, in := range f.Capability("legislation").Indicators {
		all.WriteString(in.Text.In("en") + "\n")
	}
	text := all.String()
	for _, want := range []string{"ICMEC criterion 1", "ICMEC criterion 2", "ICMEC criterion 3", "ICMEC criterion 4", "ICMEC criterion 5",
		"art. 18", "art. 19", "art. 20", "art. 21", "art. 22", "art. 23", "Lanzarote"} {
		if !strings.Contains(text, want) {
			t.Errorf("legislation indicators do not mention %q", want)
		}
	}
}

func TestRecommendationsMapping(t *testing.T) {
	f, _ := framework.Get("2026.1")
	want := map[string][]int{"leadership": {6, 7}, "legislation": {4, 9}, "hotline": {3}, "takedown": {3, 7}, "terminology": {4}}
	for key, nums := range want {
		got := f.RecommendationsFor(f.Capability(key))
		if len(got) != len(nums) {
			t.Errorf("%s: %d recommendations, want %v", key, len(got), nums)
			continue
		}
		for i, r := range got {
			if r.Number != nums[i] {
				t.Errorf("%s: recommendation %d, want %d", key, r.Number, nums[i])
			}
		}
	}
}

// broken applies a text edit to the embedded source and parses it.
func broken(t *testing.T, old, new string) error {
	t.Helper()
	b, err := os.ReadFile("data/mnr-2026.1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	if !strings.Contains(src, old) {
		t.Fatalf("fixture text %q not in the data file", old)
	}
	_, err = framework.Parse([]byte(strings.Replace(src, old, new, 1)))
	return err
}

func TestBrokenFrameworkIsRejectedNamingTheKey(t *testing.T) {
	cases := []struct{ name, old, new, want string }{
		{"duplicate key", "key: leadership-2\n", "key: leadership-1\n", `"leadership-1": key already used`},
		{"missing phase descriptor", "          4:\n            en: \"Governance is sustained", "          5:\n            en: \"Governance is sustained", "capability leadership: no descriptor for phase 4"},
		{"indicator phase out of range", "key: leadership-7\n            phase: 4", "key: leadership-7\n            phase: 7", `indicator "leadership-7": phase 7 out of range`},
		{"missing language", "languages: [en]", "languages: [en, fr]", `missing "fr" text`},
		{"unknown field", "        short:\n", "        shortname:\n", "field shortname not found"},
		{"bad recommendation", "recommendations: [6, 7]", "recommendations: [6, 99]", "capability leadership: refers to unknown recommendation 99"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := broken(t, c.old, c.new)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestTranslationsCompleteInEveryDeclaredLanguage(t *testing.T) {
	f, _ := framework.Get("2026.1")
	// Validate() already fails on any missing text; check the languages are there.
	for _, c := range f.Capabilities() {
		for _, lang := range f.Languages {
			if c.Name[lang] == "" {
				t.Errorf("%s has no %s name", c.Key, lang)
			}
		}
	}
	if f.Capability("leadership").Name.In("xx") != f.Capability("leadership").Name["en"] {
		t.Error("unknown language should fall back to English")
	}
}
