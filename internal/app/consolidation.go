package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// mayConsolidate refuses (403) whoever does not consolidate the assessment,
// and (409) an approved, locked one.
func mayConsolidate(p *policy.Principal, d *assessment.Detail) error {
	if !policy.CanConsolidate(p, &d.Assessment) {
		return assessment.Errorf(assessment.EFORBIDDEN, "Only the owners and coordinators of %s decide the national answers.", d.Organisation.Name)
	}
	if d.Assessment.Status == assessment.StatusApproved {
		return assessment.Errorf(assessment.ECONFLICT, "this assessment is approved and locked; it must be reopened before it can change")
	}
	return nil
}

// consolidationIndicator checks that indicator key is in the assessment's
// scope (404 otherwise).
func consolidationIndicator(d *assessment.Detail, key string) error {
	ind := d.Framework.Indicator(key)
	if ind == nil {
		return assessment.NotFound("indicator")
	}
	_, err := d.InScope(ind.Capability.Key)
	return err
}

// AdoptAnswer adopts a contribution's answer as the national answer of
// indicator key of d (an assessment p may see), for the page and the API:
// role (403), locked (409), scope (404), then the store's conditional
// write on version.
func (a *App) AdoptAnswer(ctx context.Context, p *policy.Principal, by assessment.Actor, d *assessment.Detail, key string, contributionID int64, version int) (assessment.Answer, error) {
	if err := mayConsolidate(p, d); err != nil {
		return assessment.Answer{}, err
	}
	if err := consolidationIndicator(d, key); err != nil {
		return assessment.Answer{}, err
	}
	saved, err := a.db.AdoptAnswer(ctx, by, d.Assessment.ID, key, contributionID, version)
	return saved, assessment.ExplainConflict(d.Framework, err)
}

// DecideAnswer writes the coordinator's national answer of indicator key
// with a reason: the checks of AdoptAnswer, then the input (422).
func (a *App) DecideAnswer(ctx context.Context, p *policy.Principal, by assessment.Actor, d *assessment.Detail, key string, in assessment.DecisionInput) (assessment.Answer, error) {
	if err := mayConsolidate(p, d); err != nil {
		return assessment.Answer{}, err
	}
	if err := consolidationIndicator(d, key); err != nil {
		return assessment.Answer{}, err
	}
	ans, err := in.Validate(&d.Assessment, d.Framework, key)
	if err != nil {
		return ans, err
	}
	saved, err := a.db.DecideAnswer(ctx, by, ans)
	return saved, assessment.ExplainConflict(d.Framework, err)
}

// AdoptAgreed adopts in one step every answer of capability cd on which
// all agencies agree. The caller names the national answers it saw
// (indicator key → version); of those, the ones still unanimous now are
// adopted together, each audited with the contribution it came from. A
// version that moved meanwhile is a conflict for the whole step.
func (a *App) AdoptAgreed(ctx context.Context, p *policy.Principal, by assessment.Actor, v *Consolidation, cd *assessment.CapabilityDetail, seen map[string]int) ([]assessment.Answer, error) {
	d := v.Detail
	if err := mayConsolidate(p, d); err != nil {
		return nil, err
	}
	var picks []assessment.Adoption
	for _, ad := range assessment.Consolidate(cd, v.Contributions, v.Answers).Unanimous() {
		if ver, ok := seen[ad.IndicatorKey]; ok {
			ad.Version = ver
			picks = append(picks, ad)
		}
	}
	if len(picks) == 0 {
		return nil, assessment.Errorf(assessment.ECONFLICT, "No answer of this capability is left on which every agency agrees and that is still to adopt.")
	}
	saved, err := a.db.AdoptAnswers(ctx, by, d.Assessment.ID, picks)
	return saved, assessment.ExplainConflict(d.Framework, err)
}
