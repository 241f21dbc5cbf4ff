package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Transition moves an assessment one step along the review workflow, in one
// transaction with its audit event, the return comment or reopen reason
// (kept as a general comment so the team reads why), and the notifications
// notify decides (nil for none).
// The order of statuses is checked against the stored status, so two
// reviewers acting at once cannot both succeed.
func (s *Store) Transition(ctx context.Context, by assessment.Actor, id int64, action assessment.Action, text string, notify assessment.TransitionRule) (assessment.Assessment, error) {
	var out assessmentRow
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var cur assessmentRow
		if err := takeTurn(tx, id); err != nil { // saves in flight finish first; those after wait
			return err
		}
		if err := tx.First(&cur, id).Error; err != nil {
			return notFound(err, "assessment")
		}
		t, err := assessment.NextStatus(assessment.Status(cur.Status), action)
		if err != nil {
			return err
		}
		now := s.now()
		upd := map[string]any{"status": string(t.To), "updated_at": now, "version": cur.Version + 1}
		switch action {
		case assessment.ActionSubmit:
			upd["submitted_at"] = now
		case assessment.ActionApprove:
			upd["approved_at"], upd["approved_by"] = now, optionalUser(by)
		case assessment.ActionReturn:
			upd["returned_at"] = now
		case assessment.ActionReopen:
			upd["approved_at"], upd["approved_by"] = nil, nil
		}
		res := tx.Model(&assessmentRow{}).Where("id = ? AND version = ?", id, cur.Version).Updates(upd)
		if res.Error != nil {
			return fmt.Errorf("set status: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.Errorf(assessment.ECONFLICT, "someone else changed this assessment's status at the same moment; reload and try again")
		}
		if text != "" && (action == assessment.ActionReturn || action == assessment.ActionReopen) {
			c := commentRow{AssessmentID: id, UserID: optionalUser(by), Kind: string(action), Body: text, CreatedAt: now}
			if err := tx.Create(&c).Error; err != nil {
				return fmt.Errorf("insert %s comment: %w", action, err)
			}
		}
		after := map[string]string{"status": string(t.To), "action": string(action)}
		if text != "" {
			field := t.Text
			if field == "" {
				field = "comment" // an optional note with a submission or approval
			}
			after[field] = text
		}
		if err := appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: cur.OrganisationID, AssessmentID: id, Action: "assessment.status",
			Object: fmt.Sprintf("assessment %d", id), Before: auditJSON(map[string]string{"status": cur.Status}), After: auditJSON(after)}); err != nil {
			return err
		}
		if err := tx.First(&out, id).Error; err != nil {
			return err
		}
		if notify == nil {
			return nil
		}
		_, err = writeNotices(tx, now, notify(by, out.domain(nil), action)...)
		return err
	})
	if err != nil {
		return assessment.Assessment{}, err
	}
	return s.Assessment(ctx, out.ID)
}

// membersWithRoles lists the ids of an organisation's members holding one
// of the roles (every member when none is given).
func membersWithRoles(tx *gorm.DB, orgID int64, roles ...assessment.Role) ([]int64, error) {
	q := tx.Model(&membershipRow{}).Where("organisation_id = ?", orgID)
	if len(roles) > 0 {
		names := make([]string, len(roles))
		for i, r := range roles {
			names[i] = string(r)
		}
		q = q.Where("role IN ?", names)
	}
	var ids []int64
	if err := q.Order("user_id").Pluck("user_id", &ids).Error; err != nil {
		return nil, fmt.Errorf("list members to notify: %w", err)
	}
	return ids, nil
}

// optionalUser is the actor's user id for a nullable column: nil for the
// command line and the demo loader.
func optionalUser(by assessment.Actor) *int64 {
	if by.UserID == 0 {
		return nil
	}
	id := by.UserID
	return &id
}

// approverName fills in the name of whoever approved a.
func (s *Store) approverName(ctx context.Context, a *assessment.Assessment) error {
	if a.ApprovedBy == nil {
		return nil
	}
	var names []string
	if err := s.read(ctx).Model(&userRow{}).Where("id = ?", *a.ApprovedBy).Pluck("name", &names).Error; err != nil {
		return fmt.Errorf("load approver: %w", err)
	}
	if len(names) > 0 {
		a.ApprovedByName = names[0]
	}
	return nil
}
