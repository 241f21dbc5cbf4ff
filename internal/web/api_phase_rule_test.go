package web_test

import (
	"fmt"
	"testing"
)

// TestAPIPhaseRule answers capabilities through the real router and reads
// back what the phase rule makes of them: Partly on phase 1 is Building;
// Not applicable throughout (with reasons) earns nothing and leaves the
// capability not assessed; a Yes above a gap is counted, not promoted.
func TestAPIPhaseRule(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.coordinator)
	path := fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID)
	answer := func(capKey string, value func(phase int) string) {
		t.Helper()
		for _, in := range f.fw.Capability(capKey).Indicators {
			body := map[string]any{"answer": value(in.Phase), "version": 0}
			if body["answer"] == "na" {
				body["note"] = "The federal states hold this power, not the national government."
			}
			if w := f.api(tok, "PUT", path+"/indicators/"+in.Key, body); w.Status != 200 {
				t.Fatalf("answer %s: %d %s", in.Key, w.Status, w.Raw)
			}
		}
	}
	answer("leadership", func(p int) string { return map[int]string{1: "partly", 2: "yes", 3: "no", 4: "no"}[p] })
	answer("hotline", func(int) string { return "na" })
	answer("legislation", func(p int) string { return map[int]string{1: "no", 2: "yes", 3: "yes", 4: "yes"}[p] })

	r := f.api(tok, "GET", path, nil)
	cases := []struct {
		key       string
		suggested float64
		assessed  bool
	}{
		{"leadership", 1, true},  // Partly on phase 1 is Building; phase 2 needs phase 1 Yes
		{"hotline", 0, false},    // Not applicable throughout: no phase, not assessed
		{"legislation", 0, true}, // Yes above a failed phase 1 does not lift the suggestion
	}
	for _, tc := range cases {
		c := capability(t, r, tc.key)
		if c["suggested_phase"].(float64) != tc.suggested || c["assessed"] != tc.assessed {
			t.Errorf("%s: suggested %v assessed %v, want %v %v", tc.key, c["suggested_phase"], c["assessed"], tc.suggested, tc.assessed)
		}
		if !tc.assessed && c["confirmed_phase"] != nil {
			t.Errorf("%s: confirmed phase %v while not assessed", tc.key, c["confirmed_phase"])
		}
	}
}
