package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// An API save's own statements, without GORM (raw.go): the answer read
// before the transaction, then inside it the lock rule (answer_open.go),
// the answer's conditional update and its audit event. The other writers
// (forms, imports, merges) keep GORM.

var (
	answerBeforeSQL = newRawSQL("SELECT " + answerColumns + " FROM answers WHERE assessment_id = ? AND indicator_key = ?")
	answerUpdateSQL = newRawSQL(`UPDATE answers SET value = ?, evidence = ?, links = ?, note = ?, version = ?, updated_at = ?, updated_by = ?,
 carried_forward = ?, source = ?, source_contribution_id = ?, source_reason = ?
 WHERE assessment_id = ? AND indicator_key = ? AND version = ? AND value = ? AND evidence = ? AND links = ? AND note = ? AND source_reason = ?`)
	auditInsertSQL = newRawSQL(`INSERT INTO audit_events (at, user_id, actor, organisation_id, assessment_id, action, object, "before", "after", ip)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
)

// answerBefore reads one answer of an assessment.
func (s *Store) answerBefore(ctx context.Context, assessmentID int64, key string) (answerRow, error) {
	var r answerRow
	var at sql.NullTime
	var src sql.NullInt64
	err := s.rawRead(ctx, answerBeforeSQL, assessmentID, key).Scan(&r.AssessmentID, &r.IndicatorKey, &r.CapabilityKey, &r.Value,
		&r.Evidence, &r.Links, &r.Note, &r.Version, &at, &r.UpdatedBy, &r.CarriedForward, &r.Source, &src, &r.SourceReason)
	r.UpdatedAt, r.SourceContributionID = nullTime(at), nullInt64(src)
	return r, err
}

// applyRaw is apply for an assessment's answer, in raw statements.
func (w answerWrite) applyRaw(s *Store, tx *gorm.DB, by assessment.Actor, org int64) (ok bool, err error) {
	if w.table != assessmentAnswerTable {
		return w.apply(tx, by, org)
	}
	r, c := w.saved, w.cur
	res, err := s.rawExec(tx, answerUpdateSQL, r.Value, r.Evidence, r.Links, r.Note, r.Version, *r.UpdatedAt, r.UpdatedBy,
		false, r.Source, r.SourceContributionID, r.SourceReason,
		w.ownerID, c.IndicatorKey, c.Version, c.Value, c.Evidence, c.Links, c.Note, c.SourceReason)
	if err != nil {
		return false, fmt.Errorf("update answers: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	e := w.event
	e.OrganisationID = org
	return true, s.appendAuditRaw(tx, *r.UpdatedAt, by, e)
}

// appendAuditRaw is appendAudit in a raw statement.
func (s *Store) appendAuditRaw(tx *gorm.DB, at time.Time, by assessment.Actor, e assessment.AuditEvent) error {
	row := auditRowOf(at, by, e)
	if _, err := s.rawExec(tx, auditInsertSQL, row.At, row.UserID, row.Actor, row.OrganisationID, row.AssessmentID, row.Action,
		row.Object, row.Before, row.After, row.IP); err != nil {
		return fmt.Errorf("append audit event: %w", err)
	}
	return nil
}
