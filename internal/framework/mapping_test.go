package framework_test

import (
	"os"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// fixture2027 is a fictional later version mapping 2026.1: legislation was
// renamed law-reform, research-analysis dropped, safety-by-design is new.
func fixture2027(t *testing.T) *framework.Framework {
	t.Helper()
	b, err := os.ReadFile("testdata/mnr-2027.1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := framework.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestMapAcrossVersions(t *testing.T) {
	f := fixture2027(t)
	cases := []struct {
		kind, from, key, want string
		ok                    bool
	}{
		{"capability", "2027.1", "leadership", "leadership", true},
		{"capability", "2027.1", "legislation", "", false},
		{"capability", "2026.1", "leadership", "leadership", true},
		{"capability", "2026.1", "legislation", "law-reform", true},
		{"capability", "2026.1", "research-analysis", "", false},
		{"capability", "2026.1", "hotline", "", false},
		{"capability", "2025.1", "leadership", "", false},
		{"indicator", "2026.1", "leadership-1", "leadership-1", true},
		{"indicator", "2026.1", "leadership-2", "leadership-2a", true},
		{"indicator", "2026.1", "legislation-8", "law-reform-8", true},
		{"indicator", "2026.1", "research-analysis-1", "", false},
		{"indicator", "2025.1", "leadership-1", "", false},
	}
	for _, tc := range cases {
		m := f.MapCapability
		if tc.kind == "indicator" {
			m = f.MapIndicator
		}
		got, ok := m(tc.from, tc.key)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("%s %s@%s → %q, %v; want %q, %v", tc.kind, tc.key, tc.from, got, ok, tc.want, tc.ok)
		}
	}
	if !f.Comparable("2026.1") || !f.Comparable("2027.1") || f.Comparable("2025.1") {
		t.Error("Comparable disagrees with the declared mappings")
	}
}

func TestIdentityWithinAVersion(t *testing.T) {
	f, _ := framework.Default()
	if k, ok := f.MapCapability(f.Version, "hotline"); !ok || k != "hotline" {
		t.Errorf("same version: %q, %v", k, ok)
	}
	if _, ok := f.MapIndicator(f.Version, "no-such-indicator"); ok {
		t.Error("an unknown key mapped")
	}
	if len(f.Mappings) != 0 {
		t.Error("the embedded framework declares mappings; only later versions should")
	}
}

func TestMappingValidation(t *testing.T) {
	b, _ := os.ReadFile("testdata/mnr-2027.1.yaml")
	src := string(b)
	bad := map[string]string{
		"unknown target":       strings.Replace(src, "legislation: law-reform", "legislation: law-reform-x", 1),
		"two onto one":         strings.Replace(src, `research-analysis: ""`, "research-analysis: law-reform", 1),
		"maps its own version": strings.Replace(src, `- from: "2026.1"`, `- from: "2027.1"`, 1),
	}
	want := map[string]string{"unknown target": "does not have", "two onto one": "both map to", "maps its own version": "is this version"}
	for name, y := range bad {
		_, err := framework.Parse([]byte(y))
		if err == nil || !strings.Contains(err.Error(), want[name]) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
