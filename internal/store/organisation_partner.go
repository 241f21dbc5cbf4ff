package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// SetAcceptsPartnerRequests records an owner's choice whether other
// organisations may share reports with this one, audited; existing shares
// stay (revoking them is the sharer's decision).
func (s *Store) SetAcceptsPartnerRequests(ctx context.Context, by assessment.Actor, orgID int64, accepts bool) (assessment.Organisation, error) {
	var row organisationRow
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&row, orgID).Error; err != nil {
			return notFound(err, "organisation")
		}
		before := row.AcceptsPartnerRequests
		if err := tx.Model(&organisationRow{}).Where("id = ?", orgID).Update("accepts_partner_requests", accepts).Error; err != nil {
			return fmt.Errorf("set accepts_partner_requests: %w", err)
		}
		row.AcceptsPartnerRequests = accepts
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{OrganisationID: orgID, Action: "organisation.partner_requests",
			Object: fmt.Sprintf("organisation %d", orgID),
			Before: auditJSON(map[string]any{"accepts_partner_requests": before}),
			After:  auditJSON(map[string]any{"accepts_partner_requests": accepts})})
	})
	return row.domain(), err
}
