package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// EvidenceTarget resolves indicator key of assessment id as the place of
// an upload, for p who may change that indicator's answer: 404 for what p
// may not see, 403 with the reason, 409 when locked. The detail comes back
// with the refusals that follow its read, for the page to show them.
func (a *App) EvidenceTarget(ctx context.Context, p *policy.Principal, id int64, key string) (*assessment.Detail, store.EvidenceTarget, error) {
	d, err := a.VisibleDetail(ctx, p, id, policy.CanViewAssessment)
	if err != nil {
		return nil, store.EvidenceTarget{}, err
	}
	ind := d.Framework.Indicator(key)
	if ind == nil || d.Capability(ind.Capability.Key) == nil {
		return d, store.EvidenceTarget{}, assessment.NotFound("indicator")
	}
	if err := mayEditCapability(p, d, ind.Capability.Key); err != nil {
		return d, store.EvidenceTarget{}, err
	}
	return d, store.EvidenceTarget{AssessmentID: d.Assessment.ID, IndicatorKey: key}, nil
}

// ContributionEvidenceTarget is EvidenceTarget on contribution id, for
// the agency's members who answer it while it is open.
func (a *App) ContributionEvidenceTarget(ctx context.Context, p *policy.Principal, id int64, key string) (*assessment.ContributionDetail, store.EvidenceTarget, error) {
	cd, err := a.Contribution(ctx, p, id)
	if err != nil {
		return nil, store.EvidenceTarget{}, err
	}
	ind := cd.Framework.Indicator(key)
	if ind == nil || cd.Capability(ind.Capability.Key) == nil {
		return cd, store.EvidenceTarget{}, assessment.NotFound("indicator")
	}
	if !policy.CanEditContribution(p, &cd.Contribution) {
		return cd, store.EvidenceTarget{}, policy.ContributionRefusal(p, &cd.Contribution)
	}
	if err := assessment.CheckContributionOpen(&cd.National, &cd.Contribution); err != nil {
		return cd, store.EvidenceTarget{}, err
	}
	return cd, store.EvidenceTarget{AssessmentID: cd.National.ID, ContributionID: cd.Contribution.ID, IndicatorKey: key}, nil
}

// ActionFilesTarget resolves plan action id as the place of an upload,
// for p who may add files to it (policy.CanEditActionFiles): 404 for whoever
// may not see the action, 403 for a reader only.
func (a *App) ActionFilesTarget(ctx context.Context, p *policy.Principal, id int64) (*PlanTarget, assessment.PlanAction, store.EvidenceTarget, error) {
	t, act, err := a.Action(ctx, p, id)
	if err != nil {
		return nil, act, store.EvidenceTarget{}, err
	}
	if !policy.CanEditActionFiles(p, &t.Assessment, &act) {
		return t, act, store.EvidenceTarget{}, policy.ActionFilesRefusal()
	}
	return t, act, store.EvidenceTarget{AssessmentID: act.AssessmentID, ActionID: act.ID}, nil
}

// mayEditCapability refuses (403, with the reason) whoever cannot change
// the capability, and (409) a locked assessment.
func mayEditCapability(p *policy.Principal, d *assessment.Detail, capabilityKey string) error {
	if !policy.CanEditCapability(p, &d.Assessment, capabilityKey) {
		return policy.EditRefusal(p, &d.Assessment, capabilityKey)
	}
	return assessment.CheckUnlocked(&d.Assessment)
}

// EvidenceOwner is a file with what it belongs to, for the policy.
type EvidenceOwner struct {
	File         assessment.EvidenceFile
	Assessment   assessment.Assessment
	Contribution *assessment.Contribution
	Action       *assessment.PlanAction // a plan action's file
	Capability   string                 // the indicator's capability key
}

// Target is the questionnaire the file belongs to.
func (o *EvidenceOwner) Target() Target {
	if o.File.ContributionID != nil {
		return ContributionTarget(*o.File.ContributionID)
	}
	return AssessmentTarget(o.File.AssessmentID)
}

// EvidenceFile reads file id for p who may read its answer or its action;
// anyone else is told it does not exist.
func (a *App) EvidenceFile(ctx context.Context, p *policy.Principal, id int64) (*EvidenceOwner, error) {
	f, err := a.db.EvidenceFile(ctx, id)
	if err != nil {
		return nil, err
	}
	as, err := a.db.Assessment(ctx, f.AssessmentID)
	if err != nil {
		return nil, err
	}
	o := &EvidenceOwner{File: f, Assessment: as}
	if f.ActionID != nil {
		// Readers of the action may download its files.
		_, act, err := a.Action(ctx, p, *f.ActionID)
		if err != nil {
			return nil, assessment.NotFound("file")
		}
		o.Action = &act
		return o, nil
	}
	if f.ContributionID != nil {
		cn, err := a.db.Contribution(ctx, *f.ContributionID)
		if err != nil {
			return nil, err
		}
		o.Contribution = &cn
	}
	if !policy.CanViewEvidence(p, &o.Assessment, o.Contribution) {
		return nil, assessment.NotFound("file")
	}
	if fw, err := framework.Get(as.FrameworkVersion); err == nil {
		if ind := fw.Indicator(f.IndicatorKey); ind != nil {
			o.Capability = ind.Capability.Key
		}
	}
	return o, nil
}

// EvidenceFileToChange is EvidenceFile for p who may replace or remove the
// file: 403 with the reason for whoever may only read it, the file coming
// back with that refusal for the page to show it.
func (a *App) EvidenceFileToChange(ctx context.Context, p *policy.Principal, id int64) (*EvidenceOwner, error) {
	o, err := a.EvidenceFile(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if o.Action != nil {
		if !policy.CanEditActionFiles(p, &o.Assessment, o.Action) {
			return o, policy.ActionFilesRefusal()
		}
		return o, nil
	}
	if !policy.CanEditEvidence(p, &o.Assessment, o.Contribution, o.Capability) {
		return o, policy.EvidenceRefusal(p, &o.Assessment, o.Contribution, o.Capability)
	}
	return o, nil
}
