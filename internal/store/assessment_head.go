package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// assessmentHeadSQL reads an assessment with its approver's name and its
// scope in one statement (every save and page reads it).
var assessmentHeadSQL = func() rawSQL {
	q := `SELECT a.id, a.organisation_id, a.title, a.period, a.framework_version, a.status, a.version, a.created_at,
 a.updated_at, a.approved_at, a.approved_by, a.submitted_at, a.returned_at, a.previous_id, a.marking,
 COALESCE((SELECT name FROM users WHERE id = a.approved_by), ''),
 COALESCE((SELECT %s(capability_key, ',' ORDER BY capability_key) FROM capability_states WHERE assessment_id = a.id), '')
FROM assessments a WHERE a.id = ?`
	return rawSQL{sqlite: fmt.Sprintf(q, "group_concat"), postgres: newRawSQL(fmt.Sprintf(q, "string_agg")).postgres}
}()

// Assessment returns one assessment with its scope (ordered by key).
func (s *Store) Assessment(ctx context.Context, id int64) (assessment.Assessment, error) {
	return s.assessmentHead(s.read(ctx), id)
}

// assessmentHead reads an assessment on db (a reader or a transaction).
func (s *Store) assessmentHead(db *gorm.DB, id int64) (assessment.Assessment, error) {
	var (
		r                                   assessmentRow
		approvedAt, submittedAt, returnedAt sql.NullTime
		approvedBy, previousID              sql.NullInt64
		approver, scope                     string
	)
	err := s.rawQueryRow(db, assessmentHeadSQL, id).Scan(&r.ID, &r.OrganisationID, &r.Title, &r.Period, &r.FrameworkVersion,
		&r.Status, &r.Version, &r.CreatedAt, &r.UpdatedAt, &approvedAt, &approvedBy, &submittedAt, &returnedAt, &previousID,
		&r.Marking, &approver, &scope)
	if err != nil {
		return assessment.Assessment{}, notFound(err, "assessment")
	}
	r.ApprovedAt, r.SubmittedAt, r.ReturnedAt = nullTime(approvedAt), nullTime(submittedAt), nullTime(returnedAt)
	r.ApprovedBy, r.PreviousID = nullInt64(approvedBy), nullInt64(previousID)
	keys := []string{}
	if scope != "" {
		keys = strings.Split(scope, ",")
	}
	out := r.domain(keys)
	if r.ApprovedBy != nil {
		out.ApprovedByName = approver
	}
	return out, nil
}

func nullTime(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	return &t.Time
}

func nullInt64(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	return &n.Int64
}
