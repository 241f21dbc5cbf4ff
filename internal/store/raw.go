package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync/atomic"

	"gorm.io/gorm"
)

// The statements every API save runs (the principal generation, the
// assessment's head, the answer before and its write, the audit event) go
// straight to the connection GORM holds (a reader, or the transaction),
// without GORM's statement building, callbacks and reflection, which cost
// more than the statements themselves. They are still counted
// (CountStatements).

// rawSQL is one statement written with ? placeholders, with its
// PostgreSQL spelling ($1, $2, …) made once.
type rawSQL struct{ sqlite, postgres string }

func newRawSQL(q string) rawSQL {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return rawSQL{sqlite: q, postgres: b.String()}
}

// placeholders is "?, ?, …" for n values.
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// rawCounter is the counter CountStatements gave, if any.
type rawCounter struct{ n atomic.Pointer[atomic.Int64] }

func (s *Store) text(q rawSQL) string {
	if c := s.rawCount.n.Load(); c != nil {
		c.Add(1)
	}
	if s.dialect == "postgres" {
		return q.postgres
	}
	return q.sqlite
}

// rawQueryRow runs q on db's connection (a pool, or a transaction).
func (s *Store) rawQueryRow(db *gorm.DB, q rawSQL, args ...any) *sql.Row {
	return db.Statement.ConnPool.QueryRowContext(ctxOf(db), s.text(q), args...)
}

// rawRead runs q on a reader without a GORM session (whose making
// allocates more than a small statement costs).
func (s *Store) rawRead(ctx context.Context, q rawSQL, args ...any) *sql.Row {
	return s.r.Statement.ConnPool.QueryRowContext(ctx, s.text(q), args...)
}

// rawExec runs a write on db's transaction.
func (s *Store) rawExec(db *gorm.DB, q rawSQL, args ...any) (sql.Result, error) {
	return db.Statement.ConnPool.ExecContext(ctxOf(db), s.text(q), args...)
}

func ctxOf(db *gorm.DB) context.Context {
	if ctx := db.Statement.Context; ctx != nil {
		return ctx
	}
	return context.Background()
}
