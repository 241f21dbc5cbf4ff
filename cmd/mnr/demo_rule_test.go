package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// TestDemoFollowsThePhaseRule: every phase the demo confirms is the one its
// answers suggest, so no demo capability asks for a justification it lacks,
// and every Not applicable answer in the demo gives its reason.
func TestDemoFollowsThePhaseRule(t *testing.T) {
	ctx := context.Background()
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
	db, err := m.open(ctx, filepath.Join(t.TempDir(), "mnr.db"))
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := framework.Default()
	if err := loadDemo(ctx, db, fw); err != nil {
		t.Fatal(err)
	}
	for id := int64(1); id <= 3; id++ {
		org, a, states, answers, err := db.AssessmentContent(ctx, id)
		if err != nil {
			t.Fatalf("assessment %d: %v", id, err)
		}
		afw, err := framework.Get(a.FrameworkVersion)
		if err != nil {
			t.Fatal(err)
		}
		d := assessment.NewDetail(afw, org, a, states, answers)
		for _, cd := range append(d.Capabilities, d.Enablers...) {
			if cd.NeedsJustification() {
				t.Errorf("%s %s: confirmed %d, suggested %d, no justification", a.Period, cd.Capability.Key, cd.ConfirmedPhase(), cd.Suggested)
			}
			for _, an := range cd.Answers {
				if an.Value == assessment.NA && strings.TrimSpace(an.Note) == "" {
					t.Errorf("%s %s: Not applicable without a reason", a.Period, an.IndicatorKey)
				}
			}
		}
	}
}
