package app

import (
	"context"
	"sort"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// ProgressRefusal is the refusal (403) of Progress to whoever sees the
// organisation without being its member; it is also its message id
// (work.*.json), so pages show it translated.
const ProgressRefusal = "Progress across cycles is shown to the organisation's members."

// Progress is organisation id's cycles side by side, for its members: the
// approved assessments in period order and the newest unapproved one
// (marked as draft), compared on fw, the current framework, with names in
// lang. Whoever may not see the organisation is told it does not exist.
func (a *App) Progress(ctx context.Context, p *policy.Principal, fw *framework.Framework, id int64, lang string) (assessment.Organisation, *report.Progress, error) {
	org, err := a.Organisation(ctx, p, id, policy.CanViewProgress, ProgressRefusal)
	if err != nil {
		return org, nil, err
	}
	list, err := a.db.Assessments(ctx, []int64{org.ID}) // newest period first
	if err != nil {
		return org, nil, err
	}
	var chosen []assessment.Assessment
	draft := false
	for _, as := range list {
		if as.Status == assessment.StatusApproved || !draft {
			chosen = append(chosen, as)
			draft = draft || as.Status != assessment.StatusApproved
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		if chosen[i].Period != chosen[j].Period {
			return chosen[i].Period < chosen[j].Period
		}
		return chosen[i].ID < chosen[j].ID
	})
	ids := make([]int64, len(chosen))
	for i, as := range chosen {
		ids[i] = as.ID
	}
	details, err := a.Details(ctx, ids) // every cycle at once
	if err != nil {
		return org, nil, err
	}
	prog := report.BuildProgress(fw, details, lang)
	prog.Actions, err = a.progressActions(ctx, fw, prog)
	return org, prog, err
}

// progressActions counts, per capability, the actions of the previous
// cycle done since, for "3 of 5 actions done; phase 2 → 3": nil with
// fewer than two comparable cycles.
func (a *App) progressActions(ctx context.Context, fw *framework.Framework, p *report.Progress) (map[string]report.ActionCount, error) {
	n := len(p.Cycles)
	if n < 2 || !p.Cycles[n-2].Comparable {
		return nil, nil
	}
	prev, err := a.db.Actions(ctx, p.Cycles[n-2].AssessmentID)
	if err != nil {
		return nil, err
	}
	later, err := a.db.Actions(ctx, p.Cycles[n-1].AssessmentID)
	if err != nil {
		return nil, err
	}
	return report.ActionProgress(fw, p.Cycles[n-2].FrameworkVersion, prev, later), nil
}
