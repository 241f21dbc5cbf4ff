package main

import (
	"context"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// demoVersion2025 is the framework version Demoland's 2025 assessment was
// made on; its 2026 cycle is on the current version.
const demoVersion2025 = "2026.1"

// demoEnablerPhases are the 2026 phases of the enablers E1…E5 (index =
// number; 0 unused).
var demoEnablerPhases = []int{0, 2, 1, 2, 1, 1}

// demoNextScope is the 2025 scope read in the current version, with the
// enablers the earlier version did not have (the assessment is national).
func demoNextScope(fw *framework.Framework, prev assessment.Assessment) []string {
	var scope []string
	for _, k := range prev.Scope {
		if nk, ok := fw.MapCapability(prev.FrameworkVersion, k); ok {
			scope = append(scope, nk)
		}
	}
	for _, e := range fw.Enablers() {
		scope = append(scope, e.Key)
	}
	return scope
}

// demoAnswerNew answers, from the capability's 2026 phase, the indicators
// nothing was carried into (new in this framework version), leaving the
// carried answers for someone to confirm.
func demoAnswerNew(ctx context.Context, db *store.Store, by assessment.Actor, id int64, c *framework.Capability, phase int, carried []assessment.Answer) error {
	open := map[string]assessment.Answer{}
	for _, an := range carried {
		if an.CapabilityKey == c.Key && an.Value == assessment.Unanswered {
			open[an.IndicatorKey] = an
		}
	}
	var answers []assessment.Answer
	for n, ind := range c.Indicators {
		an, ok := open[ind.Key]
		if !ok {
			continue
		}
		switch {
		case ind.Phase <= phase:
			an.Value, an.Evidence = assessment.Yes, fmt.Sprintf("Demo evidence: reference DL-2026-%02d (fictional document).", c.Number*10+n+1)
		case ind.Phase == phase+1 && phase > 0:
			an.Value = assessment.Partly
		default:
			an.Value = assessment.No
		}
		answers = append(answers, an)
	}
	if len(answers) == 0 {
		return nil
	}
	_, _, err := db.SaveCapabilityForm(ctx, by, answers, nil)
	return err
}
