package store

import (
	"context"
	"path/filepath"
	"testing"

	"gorm.io/gorm"
)

// TestPreparedStatementsInTransactions: a statement first met in a
// transaction (which holds the writer's one connection) runs unprepared,
// is prepared before the next transaction, and is then reused there.
func TestPreparedStatementsInTransactions(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := s.prepared[0]
	const q = "SELECT 1 + ?"
	run := func() {
		err := s.w.Transaction(func(tx *gorm.DB) error {
			var n int
			return tx.Raw(q, 1).Scan(&n).Error
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	run()
	if p.stmts[q] != nil || !p.pending[q] {
		t.Fatalf("after the first transaction: prepared %v, pending %v; want only pending", p.stmts[q] != nil, p.pending[q])
	}
	run()
	if p.stmts[q] == nil || p.pending[q] {
		t.Fatalf("after the second transaction: prepared %v, pending %v; want prepared", p.stmts[q] != nil, p.pending[q])
	}
	if got := p.stmt(context.Background(), q, true); got != p.stmts[q] {
		t.Fatal("a prepared statement is not reused in a transaction")
	}
}
