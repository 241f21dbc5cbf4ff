package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// EachAssessmentValues reads, for many assessments, only what their
// figures rest on: the capability states that carry a confirmed phase or
// a target, and the values of the answered indicators (no evidence, notes
// or history). It hands them to fn one assessment at a time, in id order,
// every id once (with empty values when none is answered), so a page over
// a thousand assessments never holds them all: two statements whatever
// their number. values (by indicator key) is reused between calls; fn must
// not keep it.
func (s *Store) EachAssessmentValues(ctx context.Context, ids []int64, fn func(id int64, states []assessment.CapabilityState, values map[string]assessment.AnswerValue) error) error {
	if len(ids) == 0 {
		return nil
	}
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return s.read(ctx).Transaction(func(tx *gorm.DB) error {
		states, err := judgedStates(tx, ids)
		if err != nil {
			return err
		}
		rows, err := tx.Raw("SELECT assessment_id, indicator_key, value FROM answers WHERE assessment_id IN ? AND value <> '' ORDER BY assessment_id", ids).Rows()
		if err != nil {
			return fmt.Errorf("read answer values: %w", err)
		}
		defer rows.Close()
		values, keys := map[string]assessment.AnswerValue{}, interner{}
		next := 0 // ids[next] is the assessment being gathered
		flush := func(upTo int64) error {
			for ; next < len(ids) && ids[next] < upTo; next++ {
				if err := fn(ids[next], states[ids[next]], values); err != nil {
					return err
				}
				clear(values)
			}
			return nil
		}
		var id int64
		var key, value sql.RawBytes
		for rows.Next() {
			if err := rows.Scan(&id, &key, &value); err != nil {
				return fmt.Errorf("read answer value: %w", err)
			}
			if err := flush(id); err != nil {
				return err
			}
			values[keys.of(key)] = assessment.AnswerValue(keys.of(value))
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read answer values: %w", err)
		}
		return flush(ids[len(ids)-1] + 1)
	})
}

// judgedStates reads the states with a confirmed phase or a target, by
// assessment: the others say nothing a default state does not.
func judgedStates(tx *gorm.DB, ids []int64) (map[int64][]assessment.CapabilityState, error) {
	var rows []capabilityStateRow
	if err := tx.Select("assessment_id, capability_key, confirmed_phase, target_phase").
		Where("assessment_id IN ? AND (confirmed_phase IS NOT NULL OR target_phase IS NOT NULL)", ids).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read judged capability states: %w", err)
	}
	out := map[int64][]assessment.CapabilityState{}
	for _, r := range rows {
		out[r.AssessmentID] = append(out[r.AssessmentID], assessment.CapabilityState{AssessmentID: r.AssessmentID,
			CapabilityKey: r.CapabilityKey, Confirmed: r.ConfirmedPhase, Target: r.TargetPhase})
	}
	return out, nil
}

// interner turns scanned bytes into strings, allocating each distinct one
// once: a few hundred indicator keys and a handful of values over
// hundreds of thousands of rows.
type interner map[string]string

func (in interner) of(b []byte) string {
	if s, ok := in[string(b)]; ok { // no allocation for the lookup
		return s
	}
	s := string(b)
	in[s] = s
	return s
}
