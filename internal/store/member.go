package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// SetRole changes an existing member's role. Unlike AddMembership it never
// creates a membership, so a role form cannot add people behind the
// invitation's back.
func (s *Store) SetRole(ctx context.Context, by assessment.Actor, orgID, userID int64, role assessment.Role) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockOrganisation(tx, orgID); err != nil {
			return notFound(err, "member")
		}
		var row membershipRow
		if err := tx.Where("user_id = ? AND organisation_id = ?", userID, orgID).First(&row).Error; err != nil {
			return notFound(err, "member")
		}
		if row.Role == string(role) {
			return nil
		}
		if err := keepAnOwner(tx, row, role); err != nil {
			return err
		}
		if err := tx.Model(&membershipRow{}).Where("id = ?", row.ID).Update("role", string(role)).Error; err != nil {
			return fmt.Errorf("update role: %w", err)
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{OrganisationID: orgID, Action: "membership.role",
			Object: fmt.Sprintf("user %d", userID), Before: auditJSON(map[string]string{"role": row.Role}),
			After: auditJSON(map[string]string{"role": string(role)})})
	})
}

// keepAnOwner refuses to take the owner role from the organisation's last
// owner (role "" means the membership is being removed). Callers hold the
// organisation's lock (lockOrganisation), so two owners demoting each other
// at once are checked one after the other and the second is refused.
func keepAnOwner(tx *gorm.DB, m membershipRow, role assessment.Role) error {
	if m.Role != string(assessment.RoleOwner) || role == assessment.RoleOwner {
		return nil
	}
	var n int64
	if err := tx.Model(&membershipRow{}).Where("organisation_id = ? AND role = ? AND id <> ?", m.OrganisationID, m.Role, m.ID).Count(&n).Error; err != nil {
		return fmt.Errorf("count owners: %w", err)
	}
	if n == 0 {
		return assessment.Errorf(assessment.ECONFLICT, "An organisation needs at least one owner. Make another member owner first.")
	}
	return nil
}
