package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// AssessmentSummary is AssessmentContent for pages that show counts and
// phases, not texts (the overview): each answer comes with its value,
// version, provenance and carried-forward flag only — no evidence, links
// or notes, which are most of an answer's bytes.
func (s *Store) AssessmentSummary(ctx context.Context, id int64) (assessment.Organisation, assessment.Assessment, []assessment.CapabilityState, []assessment.Answer, error) {
	return s.assessmentWith(ctx, id, func(tx *gorm.DB) ([]assessment.Answer, error) { return scanAnswerValues(tx, id) })
}

// scanAnswerValues reads an assessment's answers without their texts.
func scanAnswerValues(db *gorm.DB, id int64) ([]assessment.Answer, error) {
	rows, err := db.Raw(`SELECT indicator_key, capability_key, value, version, carried_forward, source
		FROM answers WHERE assessment_id = ?`, id).Rows()
	if err != nil {
		return nil, fmt.Errorf("load answers: %w", err)
	}
	defer rows.Close()
	var out []assessment.Answer
	for rows.Next() {
		a := assessment.Answer{AssessmentID: id}
		var value, source string
		if err := rows.Scan(&a.IndicatorKey, &a.CapabilityKey, &value, &a.Version, &a.CarriedForward, &source); err != nil {
			return nil, fmt.Errorf("scan answer: %w", err)
		}
		a.Value, a.Source = assessment.AnswerValue(value), assessment.AnswerSource(source)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load answers: %w", err)
	}
	return out, nil
}
