package store

import (
	"database/sql"
	"strings"
)

// eachRowMap calls fn with every row as column → value, for exports that
// must carry whatever columns a table has, one row at a time. Columns of a
// binary type (BLOB, BYTEA: the files' bytes) stay []byte, which JSON
// writes as base64 without loss; other text read as bytes comes back as a
// string.
func eachRowMap(rows *sql.Rows, fn func(map[string]any) error) error {
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return err
	}
	vals := make([]any, len(types))
	ptrs := make([]any, len(types))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		m := make(map[string]any, len(types))
		for i, ct := range types {
			m[ct.Name()] = exportValue(vals[i], ct.DatabaseTypeName())
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	return rows.Err()
}

func exportValue(v any, dbType string) any {
	b, ok := v.([]byte)
	if !ok {
		return v
	}
	if t := strings.ToUpper(dbType); t == "BLOB" || t == "BYTEA" {
		return append([]byte(nil), b...)
	}
	return string(b)
}
