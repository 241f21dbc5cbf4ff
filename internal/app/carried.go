package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// ConfirmCarried confirms carried-forward answers unchanged: the given
// indicators of capability key, or every carried one of it when none is
// given. Confirming is an edit (403 for those who may not edit; 409 when
// locked). It returns how many were confirmed.
func (a *App) ConfirmCarried(ctx context.Context, p *policy.Principal, by assessment.Actor, d *assessment.Detail, key string, keys []string) (int, error) {
	cd, err := d.InScope(key)
	if err != nil {
		return 0, err
	}
	if !policy.CanEditCapability(p, &d.Assessment, cd.Capability.Key) {
		return 0, policy.EditRefusal(p, &d.Assessment, cd.Capability.Key)
	}
	if err := assessment.CheckUnlocked(&d.Assessment); err != nil {
		return 0, err
	}
	if err := assessment.CheckIDs("indicators", len(keys)); err != nil {
		return 0, err
	}
	confirm := keys
	if len(keys) == 0 {
		for _, in := range cd.Capability.Indicators {
			confirm = append(confirm, in.Key)
		}
	}
	for _, k := range confirm {
		if ind := d.Framework.Indicator(k); ind == nil || ind.Capability != cd.Capability {
			return 0, assessment.FieldError("indicators", "indicator %q is not part of capability %q", k, cd.Capability.Key)
		}
	}
	return a.db.ConfirmCarried(ctx, by, d.Assessment.ID, confirm)
}
