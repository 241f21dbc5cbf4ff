package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

type shareRow struct {
	ID                    int64 `gorm:"primaryKey"`
	OrganisationID        int64
	PartnerOrganisationID int64
	AssessmentID          *int64
	CreatedBy             *int64
	CreatedAt             time.Time
	RevokedAt             *time.Time
	RevokedBy             *int64
}

func (shareRow) TableName() string { return "shares" }

// CreateShare records an owner's consent to show a partner organisation
// one assessment's report or (in.AssessmentID 0) all approved ones, with its
// audit event and the notifications notify decides (nil for none), in one
// transaction. A partner that does not exist or does not accept partner
// requests is reported on the field the
// caller used; an identical active share is a conflict.
func (s *Store) CreateShare(ctx context.Context, by assessment.Actor, orgID int64, in assessment.ShareInput, notify assessment.ShareRule) (assessment.Share, error) {
	row := shareRow{OrganisationID: orgID, CreatedBy: optionalUser(by), CreatedAt: s.now()}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var org, partner organisationRow
		if err := tx.First(&org, orgID).Error; err != nil {
			return notFound(err, "organisation")
		}
		q := tx.Where("id = ?", in.PartnerID)
		if in.PartnerID == 0 {
			q = tx.Where("LOWER(name) = ?", strings.ToLower(in.PartnerName))
		}
		if err := q.Order("id").First(&partner).Error; err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		if err := in.CheckPartner(orgID, partner.domain()); err != nil {
			return err
		}
		row.PartnerOrganisationID = partner.ID
		var shared *assessment.Assessment
		if in.AssessmentID != 0 {
			var a assessmentRow
			if err := tx.Where("id = ? AND organisation_id = ?", in.AssessmentID, orgID).First(&a).Error; err != nil {
				if errors.Is(err, gorm.ErrRecordNotFound) {
					return assessment.FieldError("assessment_id", "is not an assessment of this organisation")
				}
				return err
			}
			row.AssessmentID, shared = &a.ID, new(a.domain(nil))
		}
		var n int64
		if err := tx.Model(&shareRow{}).Where("organisation_id = ? AND partner_organisation_id = ? AND revoked_at IS NULL AND COALESCE(assessment_id, 0) = ?",
			orgID, partner.ID, in.AssessmentID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return assessment.Errorf(assessment.ECONFLICT, "this is already shared with %s", partner.Name)
		}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert share: %w", err)
		}
		if err := appendAudit(tx, row.CreatedAt, by, assessment.AuditEvent{OrganisationID: orgID, Action: "share.create", Object: fmt.Sprintf("share %d", row.ID),
			After: auditJSON(map[string]any{"partner_organisation_id": partner.ID, "partner": partner.Name, "assessment_id": row.AssessmentID})}); err != nil {
			return err
		}
		if notify == nil {
			return nil
		}
		_, err := writeNotices(tx, row.CreatedAt, notify(org.domain(), partner.domain(), shared)...)
		return err
	})
	if err != nil {
		return assessment.Share{}, err
	}
	return s.Share(ctx, row.ID)
}

// RevokeShare withdraws consent, audited; the row stays for the record.
// A share of another organisation is not found; revoking twice conflicts.
func (s *Store) RevokeShare(ctx context.Context, by assessment.Actor, orgID, id int64) (assessment.Share, error) {
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var row shareRow
		if err := tx.Where("id = ? AND organisation_id = ?", id, orgID).First(&row).Error; err != nil {
			return notFound(err, "share")
		}
		now := s.now()
		res := tx.Model(&shareRow{}).Where("id = ? AND revoked_at IS NULL", id).Updates(map[string]any{"revoked_at": now, "revoked_by": optionalUser(by)})
		if res.Error != nil {
			return fmt.Errorf("revoke share: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.Errorf(assessment.ECONFLICT, "this share is already revoked")
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: orgID, Action: "share.revoke", Object: fmt.Sprintf("share %d", id),
			Before: auditJSON(map[string]any{"partner_organisation_id": row.PartnerOrganisationID, "assessment_id": row.AssessmentID, "active": true}),
			After:  auditJSON(map[string]any{"active": false})})
	})
	if err != nil {
		return assessment.Share{}, err
	}
	return s.Share(ctx, id)
}
