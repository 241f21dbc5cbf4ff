package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"

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
	q := valuesQueriesOf(s.dialect, ids)
	return s.read(ctx).Transaction(func(tx *gorm.DB) error {
		if s.dialect == "postgres" {
			if err := tx.Exec("SET LOCAL jit = off").Error; err != nil {
				return fmt.Errorf("read answer values: %w", err)
			}
		}
		states, err := judgedStates(tx, q)
		if err != nil {
			return err
		}
		rows, err := tx.Raw(q.values, q.ids).Rows()
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

// valuesQueries are EachAssessmentValues' two statements and their one
// argument, the ids. On PostgreSQL the ids go as one array, and the
// answered values are read from their partial index (00017) one assessment
// after the other, in the array's order: PostgreSQL then does not scan
// every answer in the database, as it did where it had no statistics yet
// (a freshly loaded database, with autovacuum off or not yet run), taking
// 30 to 65 ms over 200 organisations × 5 cycles instead of 1 to 2. Its
// estimate for that join without statistics is far too high, and past
// jit_above_cost the compilation alone took 50 to 300 ms, so the read
// transaction turns JIT off: these are many small index lookups.
type valuesQueries struct {
	states, values string
	ids            any
}

const judgedWhere = "(confirmed_phase IS NOT NULL OR target_phase IS NOT NULL)"

func valuesQueriesOf(dialect string, ids []int64) valuesQueries {
	if dialect != "postgres" {
		return valuesQueries{ids: ids,
			states: "SELECT assessment_id, capability_key, confirmed_phase, target_phase FROM capability_states WHERE assessment_id IN ? AND " + judgedWhere,
			values: "SELECT assessment_id, indicator_key, value FROM answers WHERE assessment_id IN ? AND value <> '' ORDER BY assessment_id"}
	}
	return valuesQueries{ids: pgArray(ids),
		states: "SELECT assessment_id, capability_key, confirmed_phase, target_phase FROM capability_states WHERE assessment_id = ANY(?::bigint[]) AND " + judgedWhere,
		// Ordered by the array's order, which the join already gives: no sort.
		values: "SELECT x.id, a.indicator_key, a.value FROM unnest(?::bigint[]) WITH ORDINALITY AS x(id, n)" +
			" CROSS JOIN LATERAL (SELECT indicator_key, value FROM answers WHERE assessment_id = x.id AND value <> '') a ORDER BY x.n"}
}

// pgArray is ids as a PostgreSQL array literal, for one ?::bigint[].
func pgArray(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '{')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, '}'))
}

// judgedStates reads the states with a confirmed phase or a target, by
// assessment: the others say nothing a default state does not.
func judgedStates(tx *gorm.DB, q valuesQueries) (map[int64][]assessment.CapabilityState, error) {
	var rows []capabilityStateRow
	if err := tx.Raw(q.states, q.ids).Scan(&rows).Error; err != nil {
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
