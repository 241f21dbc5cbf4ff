package store

import (
	"bytes"
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// scopesOf reads the scopes (capability keys) of many assessments in one
// statement, scanning rows directly and allocating each distinct key once:
// a list of a thousand assessments has some thirty thousand of them, which
// reflection-based scanning made the bulk of the list's cost. SQLite joins
// each assessment's keys into one row, in the order of the primary key
// (the order the plain query returns), as a row costs more than its bytes.
func scopesOf(db *gorm.DB, dialect string, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	q := "SELECT assessment_id, capability_key FROM capability_states WHERE assessment_id IN ?"
	if dialect == "sqlite" {
		q = "SELECT assessment_id, group_concat(capability_key, ',' ORDER BY capability_key) FROM capability_states WHERE assessment_id IN ? GROUP BY assessment_id"
	}
	rows, err := db.Raw(q, ids).Rows()
	if err != nil {
		return nil, fmt.Errorf("list scopes: %w", err)
	}
	defer rows.Close()
	keys := interner{}
	var id int64
	var key sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&id, &key); err != nil {
			return nil, fmt.Errorf("list scopes: %w", err)
		}
		for k := range bytes.SplitSeq(key, []byte(",")) {
			out[id] = append(out[id], keys.of(k))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list scopes: %w", err)
	}
	return out, nil
}
