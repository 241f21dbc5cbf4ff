package store

import (
	"sync/atomic"

	"gorm.io/gorm"
)

// CountStatements adds one to n for every SQL statement the store runs
// from now on (queries, inserts, updates, deletes, raw statements), on the
// writer and the readers. Tests use it to show that the statements a
// request runs do not grow with the data.
func (s *Store) CountStatements(n *atomic.Int64) error {
	inc := func(*gorm.DB) { n.Add(1) }
	s.rawCount.n.Store(n)
	dbs := []*gorm.DB{s.w}
	if s.r != s.w {
		dbs = append(dbs, s.r)
	}
	for _, db := range dbs {
		cb := db.Callback()
		for _, err := range []error{
			cb.Query().After("gorm:query").Register("mnr:count", inc),
			cb.Create().After("gorm:create").Register("mnr:count", inc),
			cb.Update().After("gorm:update").Register("mnr:count", inc),
			cb.Delete().After("gorm:delete").Register("mnr:count", inc),
			cb.Row().After("gorm:row").Register("mnr:count", inc),
			cb.Raw().After("gorm:raw").Register("mnr:count", inc),
		} {
			if err != nil {
				return err
			}
		}
	}
	return nil
}
