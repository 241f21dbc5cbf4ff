package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// lockedPlan locks the assessment's row (approval and reopening update it,
// so they fall wholly before or after the change) and returns it.
func lockedPlan(tx *gorm.DB, assessmentID int64) (assessmentRow, error) {
	var a assessmentRow
	if err := lockRow(tx, "assessments", assessmentID); err != nil {
		return a, notFound(err, "assessment")
	}
	if err := tx.First(&a, assessmentID).Error; err != nil {
		return a, notFound(err, "assessment")
	}
	return a, nil
}

// CreateAction adds an action to an assessment that is not approved, with
// the first entry of its status history and its audit event.
func (s *Store) CreateAction(ctx context.Context, by assessment.Actor, in assessment.PlanAction) (assessment.PlanAction, error) {
	now := s.now()
	row := actionRowOf(in)
	row.ID, row.Version, row.CreatedAt, row.UpdatedAt, row.UpdatedBy = 0, 1, now, now, by.Name
	row.StatusAt, row.PreviousActionID, row.CarriedToID = &now, nil, nil
	err := s.tx(ctx, func(tx *gorm.DB) error {
		a, err := lockedPlan(tx, in.AssessmentID)
		if err != nil {
			return err
		}
		if err := assessment.CheckPlanOpen(assessment.Status(a.Status), nil); err != nil {
			return err
		}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert action: %w", err)
		}
		if err := addActionUpdate(tx, now, by, row); err != nil {
			return err
		}
		if err := touchAssessment(tx, a.ID, now); err != nil {
			return err
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: a.OrganisationID, AssessmentID: a.ID, Action: "action.create",
			Object: fmt.Sprintf("action %d", row.ID), After: auditJSON(actionAudit(row))})
	})
	if err != nil {
		return assessment.PlanAction{}, err
	}
	return s.Action(ctx, row.ID)
}

// UpdateAction saves next over the stored action if next.Version is still
// the stored version (409 with the stored action otherwise), under the plan
// rule (assessment.CheckActionChange). A change of status or status note
// adds to the status history; the notifications notify decides (nil for
// none) are stored with the change.
func (s *Store) UpdateAction(ctx context.Context, by assessment.Actor, next assessment.PlanAction, notify assessment.ActionStatusRule) (assessment.PlanAction, error) {
	now := s.now()
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var cur actionRow
		if err := tx.First(&cur, next.ID).Error; err != nil {
			return notFound(err, "action")
		}
		a, err := lockedPlan(tx, cur.AssessmentID)
		if err != nil {
			return err
		}
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).First(&cur, next.ID).Error; err != nil {
			return notFound(err, "action")
		}
		if cur.Version != next.Version {
			return assessment.Stale(cur.domain(), nil)
		}
		if err := assessment.CheckActionChange(assessment.Status(a.Status), cur.domain(), next); err != nil {
			return err
		}
		saved := actionRowOf(next)
		saved.AssessmentID, saved.PreviousActionID, saved.CarriedToID, saved.CreatedAt = cur.AssessmentID, cur.PreviousActionID, nil, cur.CreatedAt
		saved.Version, saved.UpdatedAt, saved.UpdatedBy, saved.StatusAt = cur.Version+1, now, by.Name, cur.StatusAt
		statusChanged := cur.domain().StatusChanged(next)
		if statusChanged {
			saved.StatusAt = &now
		}
		res := tx.Model(&actionRow{}).Where("id = ? AND version = ?", cur.ID, cur.Version).Select("*").Omit("id", "created_at").Updates(&saved)
		if res.Error != nil {
			return fmt.Errorf("update action: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.Stale(cur.domain(), nil)
		}
		if err := s.recordActionChange(tx, now, by, a, cur, saved, statusChanged); err != nil {
			return err
		}
		if notify == nil {
			return nil
		}
		_, err = writeNotices(tx, now, notify(by, a.domain(nil), cur.domain(), saved.domain())...)
		return err
	})
	if err != nil {
		return assessment.PlanAction{}, err
	}
	return s.Action(ctx, next.ID)
}

// recordActionChange writes the history entry and the audit event.
func (s *Store) recordActionChange(tx *gorm.DB, now time.Time, by assessment.Actor, a assessmentRow, cur, saved actionRow, statusChanged bool) error {
	action := "action.update"
	if statusChanged {
		action = "action.status"
		if err := addActionUpdate(tx, now, by, saved); err != nil {
			return err
		}
	}
	if err := touchAssessment(tx, a.ID, now); err != nil {
		return err
	}
	return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: a.OrganisationID, AssessmentID: a.ID, Action: action,
		Object: fmt.Sprintf("action %d", saved.ID), Before: auditJSON(actionAudit(cur)), After: auditJSON(actionAudit(saved))})
}

func addActionUpdate(tx *gorm.DB, now time.Time, by assessment.Actor, r actionRow) error {
	u := actionUpdateRow{ActionID: r.ID, At: now, UserID: optionalUser(by), Actor: by.Name, Status: r.Status, Note: r.StatusNote}
	if err := tx.Create(&u).Error; err != nil {
		return fmt.Errorf("insert action update: %w", err)
	}
	return nil
}

// DeleteAction removes an action of an assessment that is not approved if
// version is still the stored version; the audit trail keeps what it was.
func (s *Store) DeleteAction(ctx context.Context, by assessment.Actor, id int64, version int) error {
	now := s.now()
	return s.tx(ctx, func(tx *gorm.DB) error {
		var cur actionRow
		if err := tx.First(&cur, id).Error; err != nil {
			return notFound(err, "action")
		}
		a, err := lockedPlan(tx, cur.AssessmentID)
		if err != nil {
			return err
		}
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).First(&cur, id).Error; err != nil {
			return notFound(err, "action")
		}
		if cur.Version != version {
			return assessment.Stale(cur.domain(), nil)
		}
		d := cur.domain()
		if err := assessment.CheckPlanOpen(assessment.Status(a.Status), &d); err != nil {
			return err
		}
		var blobs []int64 // its files go by cascade; their bytes unless shared
		if err := tx.Model(&evidenceFileRow{}).Where("action_id = ? AND blob_id IS NOT NULL", id).Distinct().Pluck("blob_id", &blobs).Error; err != nil {
			return fmt.Errorf("find action files: %w", err)
		}
		res := tx.Where("id = ? AND version = ?", id, version).Delete(&actionRow{})
		if res.Error != nil {
			return fmt.Errorf("delete action: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.Stale(d, nil)
		}
		if err := dropUnusedBlobs(tx, blobs); err != nil {
			return err
		}
		if err := touchAssessment(tx, a.ID, now); err != nil {
			return err
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: a.OrganisationID, AssessmentID: a.ID, Action: "action.delete",
			Object: fmt.Sprintf("action %d", id), Before: auditJSON(actionAudit(cur))})
	})
}
