package store

import (
	"strings"

	"gorm.io/gorm"
)

// Generation counts the writes this process has made to the data pages
// show: a cache of something built from the database (a report) is still
// good while the generation it was built at is the current one. Writes to
// bookkeeping tables that no page content is built from (sessions, rate
// counters, token use, job leases, notifications) do not count, or every
// request would make every cache stale.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// bookkeeping are the tables whose writes leave page content unchanged.
var bookkeeping = map[string]bool{"sessions": true, "rate_counters": true, "api_tokens": true, "job_leases": true,
	"heartbeats": true, "notifications": true, "password_resets": true}

// trackWrites counts every statement on the writer that is not a plain
// read, whatever its path through GORM (models, Exec, Raw with RETURNING).
func (s *Store) trackWrites() error {
	bump := func(db *gorm.DB) {
		sql := strings.TrimSpace(db.Statement.SQL.String())
		if len(sql) >= 6 && strings.EqualFold(sql[:6], "select") {
			return
		}
		if bookkeeping[writtenTable(db.Statement.Table, sql)] {
			return
		}
		s.gen.Add(1)
	}
	cb := s.w.Callback()
	for _, err := range []error{
		cb.Create().After("gorm:create").Register("mnr:generation", bump),
		cb.Update().After("gorm:update").Register("mnr:generation", bump),
		cb.Delete().After("gorm:delete").Register("mnr:generation", bump),
		cb.Raw().After("gorm:raw").Register("mnr:generation", bump),
		cb.Row().After("gorm:row").Register("mnr:generation", bump),
		cb.Query().After("gorm:query").Register("mnr:generation", bump),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// writtenTable is the statement's table, or the one its SQL writes to
// ("INSERT INTO t", "UPDATE t", "DELETE FROM t").
func writtenTable(table, sql string) string {
	if table != "" {
		return table
	}
	f := strings.Fields(strings.ToLower(sql))
	for i, w := range f {
		if (w == "into" || w == "update" || w == "from") && i+1 < len(f) {
			return strings.Trim(f[i+1], `"`+"`(")
		}
	}
	return ""
}
