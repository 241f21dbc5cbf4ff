package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// CreateShare validates and stores an owner's consent, which tells the
// partner's members (assessment.ShareNotices); the caller checked that by
// may manage the organisation's sharing.
func (a *App) CreateShare(ctx context.Context, by assessment.Actor, orgID int64, in assessment.ShareInput) (assessment.Share, error) {
	if err := in.Validate(); err != nil {
		return assessment.Share{}, err
	}
	return a.db.CreateShare(ctx, by, orgID, in, assessment.ShareNotices)
}
