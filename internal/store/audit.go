package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
)

type auditRow struct {
	ID             int64 `gorm:"primaryKey"`
	At             time.Time
	UserID         *int64
	Actor          string
	OrganisationID *int64
	AssessmentID   *int64
	Action         string
	Object         string
	Before         string
	After          string
	IP             string
}

func (auditRow) TableName() string { return "audit_events" }

// appendAudit writes an event inside the caller's transaction, so the change
// and its record land or fail together.
func appendAudit(tx *gorm.DB, at time.Time, by assessment.Actor, e assessment.AuditEvent) error {
	row := auditRowOf(at, by, e)
	if err := tx.Create(&row).Error; err != nil {
		return fmt.Errorf("append audit event: %w", err)
	}
	return nil
}

// auditRowOf is the row an event is stored as.
func auditRowOf(at time.Time, by assessment.Actor, e assessment.AuditEvent) auditRow {
	row := auditRow{At: at, Actor: by.Name, IP: by.IP, Action: e.Action, Object: e.Object, Before: e.Before, After: e.After}
	if by.Via != "" {
		row.Action += "." + by.Via // "answer.save.workbook": imported from a workbook
	}
	if by.UserID != 0 {
		row.UserID = &by.UserID
	}
	if e.OrganisationID != 0 {
		row.OrganisationID = &e.OrganisationID
	}
	if e.AssessmentID != 0 {
		row.AssessmentID = &e.AssessmentID
	}
	return row
}

// AppendAudit records an event that is not part of a data change (sign-in,
// failed sign-in, sign-out).
func (s *Store) AppendAudit(ctx context.Context, by assessment.Actor, e assessment.AuditEvent) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return appendAudit(tx, s.now(), by, e) })
}

// AuditFilter narrows the activity list.
type AuditFilter struct {
	OrganisationID int64
	AssessmentID   int64
	UserID         int64
	ActionPrefix   string
	Since, Until   time.Time
	BeforeID       int64 // only events older than this id, for paging
	Limit          int
}

// Audit lists events newest first.
func (s *Store) Audit(ctx context.Context, f AuditFilter) ([]assessment.AuditEvent, error) {
	q := s.read(ctx).Model(&auditRow{}).Order("id DESC")
	if f.OrganisationID != 0 {
		q = q.Where("organisation_id = ?", f.OrganisationID)
	}
	if f.AssessmentID != 0 {
		q = q.Where("assessment_id = ?", f.AssessmentID)
	}
	if f.UserID != 0 {
		q = q.Where("user_id = ?", f.UserID)
	}
	if f.ActionPrefix != "" {
		q = q.Where("action LIKE ?", f.ActionPrefix+"%")
	}
	if !f.Since.IsZero() {
		q = q.Where("at >= ?", f.Since)
	}
	if !f.Until.IsZero() {
		q = q.Where("at < ?", f.Until)
	}
	if f.BeforeID > 0 {
		q = q.Where("id < ?", f.BeforeID)
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	var rows []auditRow
	if err := q.Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list audit events: %w", err)
	}
	out := make([]assessment.AuditEvent, len(rows))
	for i, r := range rows {
		e := assessment.AuditEvent{ID: r.ID, At: r.At, UserID: r.UserID, Actor: r.Actor, Action: r.Action, Object: r.Object,
			Before: r.Before, After: r.After, IP: r.IP}
		if r.OrganisationID != nil {
			e.OrganisationID = *r.OrganisationID
		}
		if r.AssessmentID != nil {
			e.AssessmentID = *r.AssessmentID
		}
		out[i] = e
	}
	return out, nil
}

// AuditActions lists the distinct actions recorded for an organisation, for
// the activity page's filter.
func (s *Store) AuditActions(ctx context.Context, orgID int64) ([]string, error) {
	var out []string
	if err := s.read(ctx).Model(&auditRow{}).Where("organisation_id = ?", orgID).Distinct().Order("action").Pluck("action", &out).Error; err != nil {
		return nil, fmt.Errorf("list audit actions: %w", err)
	}
	return out, nil
}

func auditJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	return string(b)
}
