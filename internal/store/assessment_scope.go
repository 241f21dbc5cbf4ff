package store

import (
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// scopesOf reads the scopes (capability keys) of many assessments in one
// statement, scanning rows directly and allocating each distinct key once:
// a list of a thousand assessments has some thirty thousand of them, which
// reflection-based scanning made the bulk of the list's cost.
func scopesOf(db *gorm.DB, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := db.Raw("SELECT assessment_id, capability_key FROM capability_states WHERE assessment_id IN ?", ids).Rows()
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
		out[id] = append(out[id], keys.of(key))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list scopes: %w", err)
	}
	return out, nil
}
