package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// RevokeShare withdraws the consent of share id: its organisation's owners
// may (403 for its other members); anyone outside it is told it does not
// exist (404). The partner loses access on its next request.
func (a *App) RevokeShare(ctx context.Context, p *policy.Principal, by assessment.Actor, id int64) (assessment.Share, error) {
	sh, err := a.db.Share(ctx, id)
	if err != nil {
		return sh, err
	}
	if _, member := p.Role(sh.OrganisationID); !member {
		return assessment.Share{}, assessment.NotFound("share")
	}
	if !policy.CanManageSharing(p, sh.OrganisationID) {
		return assessment.Share{}, &assessment.Error{Code: assessment.EFORBIDDEN, Message: policy.SharingRefusal, Format: policy.SharingRefusal}
	}
	return a.db.RevokeShare(ctx, by, sh.OrganisationID, id)
}
