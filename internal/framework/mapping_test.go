package framework_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

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
	f, _ := framework.Get("2026.1")
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

// The 2026.2 data maps every 2026.1 indicator, each with how its answer
// carries into a cycle on 2026.2.
func TestMapping2026_1To2026_2(t *testing.T) {
	old, _ := framework.Get("2026.1")
	f, err := framework.Get("2026.2")
	if err != nil {
		t.Fatal(err)
	}
	if !f.Comparable("2026.1") || len(f.Mappings) != 1 {
		t.Fatal("2026.2 does not map 2026.1")
	}
	n := 0
	for _, c := range old.Capabilities() {
		if k, ok := f.MapCapability("2026.1", c.Key); !ok || k != c.Key {
			t.Errorf("capability %s → %q, %v", c.Key, k, ok)
		}
		for _, in := range c.Indicators {
			n++
			if _, listed := f.Mappings[0].Indicators[in.Key]; !listed {
				t.Errorf("2026.1 indicator %s is not listed", in.Key)
			}
		}
	}
	if len(f.Mappings[0].Indicators) != n {
		t.Errorf("mapping lists %d indicators, 2026.1 has %d", len(f.Mappings[0].Indicators), n)
	}
	cases := []struct {
		key    string
		kind   framework.ChangeKind
		carry  []string
		single string
	}{
		{"leadership-1", framework.Same, []string{"leadership-1"}, "leadership-1"},
		{"law-enforcement-4", framework.Changed, []string{"law-enforcement-4"}, "law-enforcement-4"},
		{"leadership-4", framework.Split, []string{"leadership-4a", "leadership-4b", "leadership-4c"}, ""},
		{"legislation-7", framework.Merged, nil, ""},
		{"offender-management-5", framework.Merged, nil, ""},
		{"innovative-solutions-1", framework.Removed, nil, ""},
	}
	for _, tc := range cases {
		ch, ok := f.IndicatorChange("2026.1", tc.key)
		if !ok || ch.Kind != tc.kind {
			t.Errorf("%s: %+v %v, want %s", tc.key, ch, ok, tc.kind)
		}
		if got := f.CarryTargets("2026.1", tc.key); strings.Join(got, ",") != strings.Join(tc.carry, ",") {
			t.Errorf("%s carries to %v, want %v", tc.key, got, tc.carry)
		}
		got, ok := f.MapIndicator("2026.1", tc.key)
		if (tc.single != "") != ok || got != tc.single {
			t.Errorf("%s: MapIndicator = %q, %v; want %q", tc.key, got, ok, tc.single)
		}
	}
	c := f.Mappings[0].Counts()
	if c[framework.Same]+c[framework.Changed]+c[framework.Split]+c[framework.Merged]+c[framework.Removed] != n || c[framework.Split] == 0 || c[framework.Removed] == 0 {
		t.Errorf("counts = %v", c)
	}
}

// dataFS is the real data directory with the 2026.2 source edited.
func dataFS(t *testing.T, old, new string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	entries, err := os.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile("data/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "mnr-2026.2.yaml" {
			if !strings.Contains(string(b), old) {
				t.Fatalf("%q not in mnr-2026.2.yaml", old)
			}
			b = []byte(strings.Replace(string(b), old, new, 1))
		}
		fsys["data/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func TestBrokenMappingNamesTheKey(t *testing.T) {
	if _, err := framework.ParseFS(dataFS(t, "", ""), "data/mnr-2026.2.yaml"); err != nil {
		t.Fatalf("unchanged data: %v", err)
	}
	cases := []struct{ name, old, new, want string }{
		{"unmapped key", "      hotline-6: {kind: same}\n", "", `indicator "hotline-6" is not accounted for`},
		{"key not in 2026.1", "      hotline-6: {kind: same}\n", "      hotline-6: {kind: same}\n      hotline-99: {kind: removed}\n", `indicator "hotline-99" is not in version 2026.1`},
		{"unknown kind", "hotline-6: {kind: same}", "hotline-6: {kind: renamed}", `"hotline-6": unknown kind "renamed"`},
		{"missing target", "legislation-7: {kind: merged, to: [industry-reporting-2]}", "legislation-7: {kind: merged, to: [legislation-7b]}", `"legislation-7" maps to "legislation-7b"`},
		{"two answers into one", "legislation-7: {kind: merged, to: [industry-reporting-2]}", "legislation-7: {kind: merged, to: [industry-reporting-2], carry: true}", `both map to "industry-reporting-2" and carry their answers`},
		{"same must keep the key", "hotline-6: {kind: same}", "hotline-6: {kind: same, to: [hotline-5]}", `"hotline-6": same must keep the key`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := framework.ParseFS(dataFS(t, tc.old, tc.new), "data/mnr-2026.2.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %s", err, tc.want)
			}
		})
	}
}
