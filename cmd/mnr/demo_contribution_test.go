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

// TestDemoContributions: the demo's 2026 assessment has three agencies'
// contributions, two submitted and disagreeing, and law enforcement
// consolidated with its provenance.
func TestDemoContributions(t *testing.T) {
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
	org, a, states, answers, err := db.AssessmentContent(ctx, 2)
	if err != nil || a.Period != "2026" {
		t.Fatalf("2026 assessment: %v %v", a, err)
	}
	d := assessment.NewDetail(fw, org, a, states, answers)
	list, given, err := db.ConsolidationContent(ctx, a.ID)
	if err != nil || len(list) != 3 {
		t.Fatalf("contributions: %d %v", len(list), err)
	}
	submitted := 0
	for _, c := range list {
		if c.Status == assessment.ContributionSubmitted {
			submitted++
		}
	}
	if submitted != 2 {
		t.Errorf("submitted contributions: %d, want 2", submitted)
	}
	judiciary := assessment.Consolidate(d.Capability("judiciary-prosecutors"), list, given)
	if judiciary.In != 2 || judiciary.Agreement != assessment.AgreementDisagree || judiciary.Consolidated() {
		t.Errorf("judiciary: in %d, %s, consolidated %v", judiciary.In, judiciary.Agreement, judiciary.Consolidated())
	}
	law := assessment.Consolidate(d.Capability("law-enforcement"), list, given)
	if law.Disagreements() != 1 || !law.Consolidated() {
		t.Errorf("law enforcement: %d disagreements, consolidated %v", law.Disagreements(), law.Consolidated())
	}
	sources := map[assessment.AnswerSource]int{}
	for _, ic := range law.Indicators {
		sources[ic.National.Source]++
	}
	if sources[assessment.SourceCoordinator] != 1 || sources[assessment.SourceContribution] != len(law.Indicators)-1 {
		t.Errorf("law enforcement provenance: %v", sources)
	}
	if cd := d.Capability("law-enforcement"); cd.NeedsJustification() {
		t.Errorf("consolidating law enforcement left its confirmed phase (%d) apart from the suggestion (%d)", cd.ConfirmedPhase(), cd.Suggested)
	}
}
