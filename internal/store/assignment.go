package store

import (
	"context"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type assignmentRow struct {
	AssessmentID  int64  `gorm:"primaryKey"`
	CapabilityKey string `gorm:"primaryKey"`
	UserID        int64  `gorm:"primaryKey"`
}

func (assignmentRow) TableName() string { return "assignments" }

// AssignmentsOf maps assessment id → capability keys assigned to a user.
func (s *Store) AssignmentsOf(ctx context.Context, userID int64) (map[int64][]string, error) {
	var rows []assignmentRow
	if err := s.read(ctx).Where("user_id = ?", userID).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list assignments: %w", err)
	}
	out := map[int64][]string{}
	for _, r := range rows {
		out[r.AssessmentID] = append(out[r.AssessmentID], r.CapabilityKey)
	}
	return out, nil
}

// Assignments lists who is assigned to which capability of an assessment:
// capability key → user ids.
func (s *Store) Assignments(ctx context.Context, assessmentID int64) (map[string][]int64, error) {
	var rows []assignmentRow
	if err := s.read(ctx).Where("assessment_id = ?", assessmentID).Order("capability_key, user_id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list assignments: %w", err)
	}
	out := map[string][]int64{}
	for _, r := range rows {
		out[r.CapabilityKey] = append(out[r.CapabilityKey], r.UserID)
	}
	return out, nil
}

// SetAssignment assigns (or, with assign=false, unassigns) a capability of
// an assessment to a user, audited; a new assignment (not one that was
// already there) also stores the notifications notify decides (nil for none).
func (s *Store) SetAssignment(ctx context.Context, by assessment.Actor, assessmentID int64, capabilityKey string, userID int64, assign bool, notify assessment.AssignedRule) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		org, err := unlockedAssessment(tx, assessmentID)
		if err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&capabilityStateRow{}).Where("assessment_id = ? AND capability_key = ?", assessmentID, capabilityKey).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return assessment.FieldError("capability", "capability %q is not in this assessment's scope", capabilityKey)
		}
		row := assignmentRow{AssessmentID: assessmentID, CapabilityKey: capabilityKey, UserID: userID}
		action := "assignment.add"
		if assign {
			if err := assignableMember(tx, org, userID); err != nil {
				return err
			}
			// One insert that does nothing when the row exists, so two
			// assignments at once neither fail nor notify twice.
			res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
			if res.Error != nil {
				return fmt.Errorf("assign: %w", res.Error)
			}
			if res.RowsAffected > 0 {
				if err := notifyAssigned(tx, s.now(), notify, assessmentID, capabilityKey, userID); err != nil {
					return err
				}
			}
		} else {
			action = "assignment.remove"
			if err := tx.Where(row).Delete(&assignmentRow{}).Error; err != nil {
				return fmt.Errorf("unassign: %w", err)
			}
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{OrganisationID: org, AssessmentID: assessmentID, Action: action,
			Object: "capability " + capabilityKey, After: auditJSON(map[string]any{"user_id": userID})})
	})
}

// assignableMember checks, under the organisation's lock (so a removal at
// the same moment cannot slip between), that the user is still a member of
// the organisation the assessment belongs to; which roles may be assigned
// is the policy's, checked by the caller.
func assignableMember(tx *gorm.DB, orgID, userID int64) error {
	if err := lockOrganisation(tx, orgID); err != nil {
		return notFound(err, "organisation")
	}
	var n int64
	if err := tx.Model(&membershipRow{}).Where("organisation_id = ? AND user_id = ?", orgID, userID).Count(&n).Error; err != nil {
		return fmt.Errorf("check membership: %w", err)
	}
	if n == 0 {
		return assessment.FieldError("user", "choose a contributor of this organisation")
	}
	return nil
}

// notifyAssigned stores, inside the assignment's transaction, what notify
// decides for a new assignment.
func notifyAssigned(tx *gorm.DB, now time.Time, notify assessment.AssignedRule, assessmentID int64, capabilityKey string, userID int64) error {
	if notify == nil {
		return nil
	}
	var a assessmentRow
	if err := tx.Select("id, organisation_id, title, period, framework_version, status").First(&a, assessmentID).Error; err != nil {
		return notFound(err, "assessment")
	}
	_, err := writeNotices(tx, now, notify(a.domain(nil), capabilityKey, userID)...)
	return err
}
