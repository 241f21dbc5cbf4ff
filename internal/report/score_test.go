package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestScoreGolden(t *testing.T) {
	got, err := json.MarshalIndent(Score(fixtureDetail(t)), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "scores.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report/ -run TestScoreGolden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Score output differs from %s; if the change is intended rerun with -update.\ngot:\n%s", path, got)
	}
}

func TestRoundTo(t *testing.T) {
	for _, tc := range []struct {
		num, den, scale int
		want            float64
	}{
		{29, 20, 10, 1.5}, // 1.45: float rounding would give 1.4
		{7, 3, 10, 2.3},
		{7, 4, 10, 1.8},
		{5, 3, 10, 1.7},
		{8, 3, 10, 2.7},
		{0, 5, 10, 0},
		{12, 3, 10, 4},
		{1, 4, 1000, 0.25},
		{2, 3, 1000, 0.667},
	} {
		if got := roundTo(tc.num, tc.den, tc.scale); got != tc.want {
			t.Errorf("roundTo(%d, %d, %d) = %v, want %v", tc.num, tc.den, tc.scale, got, tc.want)
		}
	}
}

func capScore(t *testing.T, s Scores, key string) CapabilityScore {
	t.Helper()
	for _, c := range s.Capabilities {
		if c.Key == key {
			return c
		}
	}
	t.Fatalf("no score for %s", key)
	return CapabilityScore{}
}

func domScore(t *testing.T, s Scores, key string) DomainScore {
	t.Helper()
	for _, d := range s.Domains {
		if d.Key == key {
			return d
		}
	}
	t.Fatalf("no score for domain %s", key)
	return DomainScore{}
}

func TestCapabilityScores(t *testing.T) {
	s := Score(fixtureDetail(t))
	for _, tc := range []struct {
		key       string
		phase     *int
		suggested int
		confirmed bool
		gap       int
		evidence  int
	}{
		{"leadership", ptr(2), 2, false, 1, 3},
		{"research-analysis", ptr(2), 1, true, 2, 0},
		{"legislation", ptr(3), 3, false, 0, 0},
		{"law-enforcement", nil, 1, false, 0, 0}, // target 2 but no phase: no gap
		{"judiciary-prosecutors", nil, 0, false, 0, 0},
		{"hotline", ptr(0), 0, true, 1, 0},
	} {
		c := capScore(t, s, tc.key)
		if (c.Phase == nil) != (tc.phase == nil) || (c.Phase != nil && *c.Phase != *tc.phase) {
			t.Errorf("%s: phase %v, want %v", tc.key, fmtPtr(c.Phase), fmtPtr(tc.phase))
		}
		if c.Suggested != tc.suggested || c.Confirmed != tc.confirmed || c.Gap != tc.gap || c.Evidence != tc.evidence {
			t.Errorf("%s: suggested %d confirmed %v gap %d evidence %d, want %d %v %d %d",
				tc.key, c.Suggested, c.Confirmed, c.Gap, c.Evidence, tc.suggested, tc.confirmed, tc.gap, tc.evidence)
		}
	}
}

func fmtPtr(p *int) any {
	if p == nil {
		return "nil"
	}
	return *p
}

// A capability without a phase must never be counted as phase 0: it is left
// out of means, phase counts and shares, and only counted as not assessed.
func TestNotAssessedIsNeverZero(t *testing.T) {
	s := Score(fixtureDetail(t))
	for _, key := range []string{"law-enforcement", "judiciary-prosecutors"} {
		if c := capScore(t, s, key); c.Phase != nil || c.Assessed() {
			t.Errorf("%s: phase %v, want not assessed", key, fmtPtr(c.Phase))
		}
	}
	cj := domScore(t, s, "criminal-justice")
	if cj.Mean != nil {
		t.Errorf("criminal justice mean = %v, want nil (nothing assessed)", *cj.Mean)
	}
	if cj.NotAssessed != 2 || cj.Assessed != 0 || cj.PhaseCounts != (PhaseCounts{}) {
		t.Errorf("criminal justice: assessed %d not assessed %d counts %v", cj.Assessed, cj.NotAssessed, cj.PhaseCounts)
	}
	o := s.Overall
	if o.Capabilities != 6 || o.Assessed != 4 || o.NotAssessed != 2 {
		t.Errorf("overall counts: %d caps, %d assessed, %d not", o.Capabilities, o.Assessed, o.NotAssessed)
	}
	// Only the hotline was confirmed at 0.
	if o.PhaseCounts != (PhaseCounts{1, 0, 2, 1, 0}) {
		t.Errorf("overall phase counts = %v", o.PhaseCounts)
	}
	// (2+2+3+0)/4 = 1.75 → 1.8; counting the two unassessed as 0 would give 1.2.
	if o.Mean == nil || *o.Mean != 1.8 {
		t.Errorf("overall mean = %v, want 1.8", o.Mean)
	}
	soc := domScore(t, s, "societal")
	if soc.Mean == nil || *soc.Mean != 0 {
		t.Errorf("societal mean = %v, want 0 (hotline confirmed at 0)", soc.Mean)
	}
}

func TestDomainMeanRounding(t *testing.T) {
	d := domScore(t, Score(fixtureDetail(t)), "policy-governance")
	// (2+2+3)/3 = 2.333…
	if d.Mean == nil || *d.Mean != 2.3 {
		t.Errorf("policy mean = %v, want 2.3", d.Mean)
	}
	// targets 3 and 4 → 3.5
	if d.TargetMean == nil || *d.TargetMean != 3.5 {
		t.Errorf("policy target mean = %v, want 3.5", d.TargetMean)
	}
}

func TestShareAtEstablished(t *testing.T) {
	o := Score(fixtureDetail(t)).Overall
	if o.Established != 1 || o.EstablishedShare == nil || *o.EstablishedShare != 0.25 {
		t.Errorf("established %d share %v, want 1 and 0.25 (legislation only, of 4 assessed)", o.Established, o.EstablishedShare)
	}
	empty := Score(nationalDetail(t, 1, 0))
	if empty.Overall.EstablishedShare == nil {
		t.Fatal("national: share nil")
	}
	// reach = number mod 5 for numbers 1..21: phases 3 and 4 for 3,4,8,9,13,14,18,19 → 8 of 21.
	if got := *empty.Overall.EstablishedShare; got != 0.381 {
		t.Errorf("national share = %v, want 0.381", got)
	}
}

func TestShareNilWhenNothingAssessed(t *testing.T) {
	d := fixtureDetail(t)
	d.Capabilities = d.Capabilities[3:5]
	d.Domains = d.Domains[1:2]
	o := Score(d).Overall
	if o.Mean != nil || o.EstablishedShare != nil {
		t.Errorf("mean %v share %v, want both nil", o.Mean, o.EstablishedShare)
	}
}
