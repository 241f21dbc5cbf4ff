package store

import (
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// assessmentColumns are assessmentRow's columns, in scanAssessment's order.
const assessmentColumns = `id, organisation_id, title, period, framework_version, status, version, created_at,
 updated_at, approved_at, approved_by, submitted_at, returned_at, previous_id, marking`

// assessmentRows lists the assessments of the organisations orgIDs (nil:
// all), newest period first, scanning the rows directly: the partner
// dashboard lists a thousand, where GORM's scanning by reflection cost
// about 10 ms of CPU.
func assessmentRows(db *gorm.DB, orgIDs []int64) ([]assessmentRow, error) {
	q, args := "SELECT "+assessmentColumns+" FROM assessments", []any{}
	if orgIDs != nil {
		q, args = q+" WHERE organisation_id IN ?", []any{orgIDs}
	}
	rows, err := db.Raw(q+" ORDER BY period DESC, id DESC", args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("list assessments: %w", err)
	}
	defer rows.Close()
	var out []assessmentRow
	for rows.Next() {
		r, err := scanAssessment(rows)
		if err != nil {
			return nil, fmt.Errorf("list assessments: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list assessments: %w", err)
	}
	return out, nil
}

// scanAssessment scans one row of assessmentColumns.
func scanAssessment(rows *sql.Rows) (assessmentRow, error) {
	var (
		r                                   assessmentRow
		approvedAt, submittedAt, returnedAt sql.NullTime
		approvedBy, previousID              sql.NullInt64
	)
	err := rows.Scan(&r.ID, &r.OrganisationID, &r.Title, &r.Period, &r.FrameworkVersion, &r.Status, &r.Version, &r.CreatedAt,
		&r.UpdatedAt, &approvedAt, &approvedBy, &submittedAt, &returnedAt, &previousID, &r.Marking)
	r.ApprovedAt, r.SubmittedAt, r.ReturnedAt = nullTime(approvedAt), nullTime(submittedAt), nullTime(returnedAt)
	r.ApprovedBy, r.PreviousID = nullInt64(approvedBy), nullInt64(previousID)
	return r, err
}
