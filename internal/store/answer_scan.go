package store

import (
	"database/sql"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Pages read an assessment's answers and states on every request: these
// scan them with plain database/sql instead of GORM's reflection, which
// cost more than the query itself. The statements still go through GORM
// (db.Raw), so they are counted and run in the caller's transaction.

const answerColumns = `assessment_id, indicator_key, capability_key, value, evidence, links, note, version,
	updated_at, updated_by, carried_forward, source, source_contribution_id, source_reason`

const stateColumns = `assessment_id, capability_key, confirmed_phase, justification, target_phase, priority, lead,
	version, updated_at, updated_by`

// scanAnswers reads the answers rows that where (with args) selects.
func scanAnswers(db *gorm.DB, where string, args ...any) ([]assessment.Answer, error) {
	rows, err := db.Raw("SELECT "+answerColumns+" FROM answers WHERE "+where, args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("load answers: %w", err)
	}
	defer rows.Close()
	var out []assessment.Answer
	for rows.Next() {
		var r answerRow
		var at sql.NullTime
		var src sql.NullInt64
		if err := rows.Scan(&r.AssessmentID, &r.IndicatorKey, &r.CapabilityKey, &r.Value, &r.Evidence, &r.Links, &r.Note,
			&r.Version, &at, &r.UpdatedBy, &r.CarriedForward, &r.Source, &src, &r.SourceReason); err != nil {
			return nil, fmt.Errorf("scan answer: %w", err)
		}
		if at.Valid {
			r.UpdatedAt = &at.Time
		}
		if src.Valid {
			r.SourceContributionID = &src.Int64
		}
		out = append(out, r.domain())
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load answers: %w", err)
	}
	return out, nil
}

// scanStates reads the capability_states rows that where (with args) selects.
func scanStates(db *gorm.DB, where string, args ...any) ([]assessment.CapabilityState, error) {
	rows, err := db.Raw("SELECT "+stateColumns+" FROM capability_states WHERE "+where, args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("load capability states: %w", err)
	}
	defer rows.Close()
	var out []assessment.CapabilityState
	for rows.Next() {
		var r capabilityStateRow
		var at sql.NullTime
		var confirmed, target sql.NullInt64
		if err := rows.Scan(&r.AssessmentID, &r.CapabilityKey, &confirmed, &r.Justification, &target, &r.Priority, &r.Lead,
			&r.Version, &at, &r.UpdatedBy); err != nil {
			return nil, fmt.Errorf("scan capability state: %w", err)
		}
		if at.Valid {
			r.UpdatedAt = &at.Time
		}
		r.ConfirmedPhase, r.TargetPhase = nullInt(confirmed), nullInt(target)
		out = append(out, r.domain())
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load capability states: %w", err)
	}
	return out, nil
}

func nullInt(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}
