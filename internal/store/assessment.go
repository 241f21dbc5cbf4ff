package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"gorm.io/gorm"
)

// CreateAssessment inserts an assessment with one state row per capability
// in scope and one empty answer row per indicator, in one transaction, so
// every later save is a versioned update of an existing row.
func (s *Store) CreateAssessment(ctx context.Context, by assessment.Actor, fw *framework.Framework, a assessment.Assessment) (assessment.Assessment, error) {
	now := s.now()
	row := assessmentRow{OrganisationID: a.OrganisationID, Title: a.Title, Period: a.Period,
		FrameworkVersion: a.FrameworkVersion, Status: string(assessment.StatusDraft), Version: 1,
		CreatedAt: now, UpdatedAt: now, Marking: string(markingOf(string(a.Marking)))}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&organisationRow{}).Where("id = ?", a.OrganisationID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return assessment.FieldError("organisation_id", "no such organisation")
		}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert assessment: %w", err)
		}
		var states []capabilityStateRow
		var answers []answerRow
		for _, key := range a.Scope {
			c := fw.Assessable(key)
			states = append(states, capabilityStateRow{AssessmentID: row.ID, CapabilityKey: key})
			for _, in := range c.Indicators {
				answers = append(answers, answerRow{AssessmentID: row.ID, IndicatorKey: in.Key, CapabilityKey: key})
			}
		}
		if err := tx.CreateInBatches(states, 100).Error; err != nil {
			return fmt.Errorf("insert capability states: %w", err)
		}
		if err := tx.CreateInBatches(answers, 100).Error; err != nil {
			return fmt.Errorf("insert answers: %w", err)
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: row.OrganisationID, AssessmentID: row.ID,
			Action: "assessment.create", Object: fmt.Sprintf("assessment %d", row.ID), After: auditJSON(row)})
	})
	if err != nil {
		return assessment.Assessment{}, err
	}
	return row.domain(a.Scope), nil
}

// Assessments lists the assessments of the given organisations (nil: all),
// newest period first.
func (s *Store) Assessments(ctx context.Context, orgIDs []int64) ([]assessment.Assessment, error) {
	if orgIDs != nil && len(orgIDs) == 0 {
		return nil, nil
	}
	rows, err := assessmentRows(s.read(ctx), orgIDs)
	if err != nil {
		return nil, err
	}
	// Scopes in one query for the whole list, not one per assessment.
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	scopes, err := scopesOf(s.read(ctx), s.dialect, ids)
	if err != nil {
		return nil, err
	}
	out := make([]assessment.Assessment, len(rows))
	for i, r := range rows {
		out[i] = r.domain(scopes[r.ID])
	}
	return out, nil
}

// AssessmentContent loads everything a Detail is built from, in one read
// transaction so the answers and states are a consistent snapshot.
func (s *Store) AssessmentContent(ctx context.Context, id int64) (assessment.Organisation, assessment.Assessment, []assessment.CapabilityState, []assessment.Answer, error) {
	return s.assessmentWith(ctx, id, func(tx *gorm.DB) ([]assessment.Answer, error) {
		return scanAnswers(tx, "assessment_id = ?", id)
	})
}

// assessmentWith reads an assessment, its organisation and its states, and
// its answers through answers (whole, or without their texts), in one read
// transaction.
func (s *Store) assessmentWith(ctx context.Context, id int64, answersOf func(*gorm.DB) ([]assessment.Answer, error)) (assessment.Organisation, assessment.Assessment, []assessment.CapabilityState, []assessment.Answer, error) {
	var (
		org     organisationRow
		a       assessmentRow
		states  []assessment.CapabilityState
		answers []assessment.Answer
	)
	err := s.read(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.First(&a, id).Error; err != nil {
			return notFound(err, "assessment")
		}
		if err := tx.First(&org, a.OrganisationID).Error; err != nil {
			return fmt.Errorf("load organisation: %w", err)
		}
		var err error
		if states, err = scanStates(tx, "assessment_id = ?", id); err != nil {
			return err
		}
		answers, err = answersOf(tx)
		return err
	})
	if err != nil {
		return assessment.Organisation{}, assessment.Assessment{}, nil, nil, err
	}
	scope := make([]string, len(states))
	for i, st := range states {
		scope[i] = st.CapabilityKey
	}
	out := a.domain(scope)
	if err := s.approverName(ctx, &out); err != nil {
		return assessment.Organisation{}, assessment.Assessment{}, nil, nil, err
	}
	return org.domain(), out, states, answers, nil
}

// SetStatus moves an assessment to a new status, audited. Approval stamps
// the time; the workflow rules (who, from which status) are the caller's.
func (s *Store) SetStatus(ctx context.Context, by assessment.Actor, id int64, status assessment.Status) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		var cur assessmentRow
		if err := takeTurn(tx, id); err != nil {
			return err
		}
		if err := tx.First(&cur, id).Error; err != nil {
			return notFound(err, "assessment")
		}
		now := s.now()
		upd := map[string]any{"status": string(status), "updated_at": now, "version": cur.Version + 1}
		if status == assessment.StatusApproved {
			upd["approved_at"] = now
		} else {
			upd["approved_at"] = nil
		}
		// Only over the version read: a change at the same moment is a conflict.
		res := tx.Model(&assessmentRow{}).Where("id = ? AND version = ?", id, cur.Version).Updates(upd)
		if res.Error != nil {
			return fmt.Errorf("set status: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.Errorf(assessment.ECONFLICT, "someone else changed this assessment's status at the same moment; reload and try again")
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: cur.OrganisationID, AssessmentID: id, Action: "assessment.status",
			Object: fmt.Sprintf("assessment %d", id), Before: auditJSON(map[string]string{"status": cur.Status}),
			After: auditJSON(map[string]string{"status": string(status)})})
	})
}

// PreviousAssessment returns the assessment a was started from as its next
// cycle or, for one started afresh, the organisation's approved assessment
// that came before it (earlier period, or the same period created earlier),
// for "change since the last cycle". ok is false when there is none.
func (s *Store) PreviousAssessment(ctx context.Context, a assessment.Assessment) (assessment.Assessment, bool, error) {
	if a.PreviousID != nil {
		prev, err := s.Assessment(ctx, *a.PreviousID)
		if err == nil {
			return prev, true, nil
		}
		if assessment.ErrorCode(err) != assessment.ENOTFOUND {
			return assessment.Assessment{}, false, err
		}
	}
	var row assessmentRow
	err := s.read(ctx).Where("organisation_id = ? AND id <> ? AND status = ? AND (period < ? OR (period = ? AND id < ?))",
		a.OrganisationID, a.ID, string(assessment.StatusApproved), a.Period, a.Period, a.ID).
		Order("period DESC, id DESC").First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return assessment.Assessment{}, false, nil
	}
	if err != nil {
		return assessment.Assessment{}, false, fmt.Errorf("previous assessment: %w", err)
	}
	prev, err := s.Assessment(ctx, row.ID)
	return prev, err == nil, err
}
