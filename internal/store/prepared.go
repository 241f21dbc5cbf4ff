package store

import (
	"context"
	"database/sql"
	"errors"
	"sync"

	"gorm.io/gorm"
)

// stmtCacheMax bounds the statements kept prepared per SQLite handle: the
// hot paths use a few dozen; past the bound (statements built with varying
// IN lists) a statement simply runs unprepared.
const stmtCacheMax = 512

// preparedPool is GORM's connection pool for SQLite with statements kept
// prepared on the database, inside transactions too: on SQLite preparing a
// small statement costs about as much as running it. (GORM's own
// PrepareStmt prepares a transaction's statements on the transaction, so
// they are prepared again in every transaction.) database/sql prepares a
// statement once per connection and reuses it in a transaction on that
// connection (sql.Tx.StmtContext).
type preparedPool struct {
	db      *sql.DB
	mu      sync.RWMutex
	stmts   map[string]*sql.Stmt
	pending map[string]bool // met in a transaction, prepared before the next
}

// usePrepared puts a preparedPool in front of g's *sql.DB.
func usePrepared(g *gorm.DB) (*preparedPool, error) {
	db, err := g.DB()
	if err != nil {
		return nil, err
	}
	p := &preparedPool{db: db, stmts: map[string]*sql.Stmt{}, pending: map[string]bool{}}
	g.ConnPool, g.Statement.ConnPool = p, p
	return p, nil
}

// stmt is q prepared on the database, or nil when q is not (yet)
// prepared: the cache is full, q does not prepare (it then runs unprepared
// and fails there if it must), or q is met in a transaction, which holds
// the writer's one connection, so q is only noted and prepared before the
// next transaction begins. No lock is held while preparing: preparing
// waits for a connection, which a transaction needing the lock may hold.
func (p *preparedPool) stmt(ctx context.Context, q string, inTx bool) *sql.Stmt {
	p.mu.RLock()
	s, full := p.stmts[q], p.stmts == nil || len(p.stmts)+len(p.pending) >= stmtCacheMax
	p.mu.RUnlock()
	if s != nil || full {
		return s
	}
	if inTx {
		p.mu.Lock()
		if p.pending != nil {
			p.pending[q] = true
		}
		p.mu.Unlock()
		return nil
	}
	return p.prepare(ctx, q)
}

// prepare prepares q and keeps it, unless another caller did first.
func (p *preparedPool) prepare(ctx context.Context, q string) *sql.Stmt {
	s, err := p.db.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.pending, q)
	if kept := p.stmts[q]; kept != nil || p.stmts == nil {
		s.Close()
		return kept
	}
	p.stmts[q] = s
	return s
}

// preparePending prepares the statements noted in transactions.
func (p *preparedPool) preparePending(ctx context.Context) {
	p.mu.Lock()
	qs := make([]string, 0, len(p.pending))
	for q := range p.pending {
		qs = append(qs, q)
	}
	clear(p.pending)
	p.mu.Unlock()
	for _, q := range qs {
		p.prepare(ctx, q)
	}
}

// close closes the prepared statements (before the database).
func (p *preparedPool) close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	for _, s := range p.stmts {
		errs = append(errs, s.Close())
	}
	p.stmts, p.pending = nil, nil
	return errors.Join(errs...)
}

// GetDBConn lets gorm.DB.DB() find the *sql.DB.
func (p *preparedPool) GetDBConn() (*sql.DB, error) { return p.db, nil }

func (p *preparedPool) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return p.db.PrepareContext(ctx, q)
}

func (p *preparedPool) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if s := p.stmt(ctx, q, false); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return p.db.ExecContext(ctx, q, args...)
}

func (p *preparedPool) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if s := p.stmt(ctx, q, false); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return p.db.QueryContext(ctx, q, args...)
}

func (p *preparedPool) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if s := p.stmt(ctx, q, false); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return p.db.QueryRowContext(ctx, q, args...)
}

// BeginTx starts a transaction whose statements use the prepared ones.
func (p *preparedPool) BeginTx(ctx context.Context, opts *sql.TxOptions) (gorm.ConnPool, error) {
	p.preparePending(ctx)
	tx, err := p.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &preparedTx{Tx: tx, p: p}, nil
}

// preparedTx runs a transaction's statements through the pool's prepared
// statements, bound to the transaction's connection.
type preparedTx struct {
	*sql.Tx
	p *preparedPool
}

func (t *preparedTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if s := t.p.stmt(ctx, q, true); s != nil {
		return t.Tx.StmtContext(ctx, s).ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, q, args...)
}

func (t *preparedTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if s := t.p.stmt(ctx, q, true); s != nil {
		return t.Tx.StmtContext(ctx, s).QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, q, args...)
}

func (t *preparedTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if s := t.p.stmt(ctx, q, true); s != nil {
		return t.Tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, q, args...)
}
