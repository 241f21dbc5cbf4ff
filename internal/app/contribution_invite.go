package app

import (
	"context"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// InviteAgency asks an agency into d's assessment, for the page and the
// API: policy, validation, then one transaction that also tells the
// agency's members who answer (assessment.ContributionAskedNotices).
func (a *App) InviteAgency(ctx context.Context, p *policy.Principal, by assessment.Actor, d *assessment.Detail, in assessment.ContributionInput, now time.Time) (assessment.Contribution, error) {
	if !policy.CanInviteAgency(p, &d.Assessment) {
		return assessment.Contribution{}, assessment.Errorf(assessment.EFORBIDDEN, "Only the owners and coordinators of %s ask agencies to contribute.", d.Organisation.Name)
	}
	if d.Assessment.Status == assessment.StatusApproved {
		return assessment.Contribution{}, assessment.Errorf(assessment.ECONFLICT, "this assessment is approved and locked; it must be reopened before it can change")
	}
	cn, err := in.Validate(&d.Assessment, now)
	if err != nil {
		return cn, err
	}
	cn, _, err = a.db.CreateContribution(ctx, by, d.Framework, cn, assessment.ContributionAskedNotices)
	return cn, err
}
