package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"sync"
)

// DataVersion is a stamp of the whole database's committed state: two equal
// stamps mean no transaction committed in between, whoever made it (this
// process, another instance, the CLI). A cache of something built from the
// database (a rendered page) is still exact while the stamp it was built at
// is the current one; read the stamp before reading what the cache keeps.
//
// SQLite: PRAGMA data_version on a connection of its own, which changes
// whenever another connection (or process) commits. PostgreSQL: the current
// snapshot (xmin:xmax:in-progress list), which stays the same exactly while
// no transaction that wrote anything finishes.
func (s *Store) DataVersion(ctx context.Context) (string, error) {
	if m, ok := ctx.Value(versionMemoKey{}).(*versionMemo); ok {
		m.once.Do(func() { m.version, m.err = s.readDataVersion(ctx) })
		return m.version, m.err
	}
	return s.readDataVersion(ctx)
}

func (s *Store) readDataVersion(ctx context.Context) (string, error) {
	if s.dialect != "sqlite" {
		var snap string
		if err := s.read(ctx).Raw("SELECT pg_current_snapshot()::text").Scan(&snap).Error; err != nil {
			return "", fmt.Errorf("data version: %w", err)
		}
		return snap, nil
	}
	st, err := s.version.stmt(s.path)
	if err != nil {
		return "", err
	}
	r := s.version.rounds.do(func() probeResult {
		var n int64
		if err := st.QueryRowContext(context.WithoutCancel(ctx)).Scan(&n); err != nil {
			return probeResult{err: fmt.Errorf("data version: %w", err)}
		}
		return probeResult{version: strconv.FormatInt(n, 10)}
	})
	return r.version, r.err
}

// versionProbe is the SQLite connection DataVersion asks: data_version is a
// property of one connection, so every question goes to the same one.
type versionProbe struct {
	rounds probeRounds
	once   sync.Once
	db     *sql.DB
	st     *sql.Stmt
	err    error
}

func (p *versionProbe) stmt(path string) (*sql.Stmt, error) {
	p.once.Do(func() {
		// It reads no data pages: a small page cache.
		if p.db, p.err = sql.Open("sqlite3", sqliteDSN(path, "deferred", "NORMAL", true, 64)); p.err != nil {
			return
		}
		p.db.SetMaxOpenConns(1)
		p.db.SetMaxIdleConns(1)
		p.db.SetConnMaxIdleTime(0)
		p.db.SetConnMaxLifetime(0)
		p.st, p.err = p.db.Prepare("PRAGMA data_version")
	})
	if p.err != nil {
		return nil, fmt.Errorf("data version probe: %w", p.err)
	}
	return p.st, nil
}

func (p *versionProbe) close() error {
	if p.db == nil {
		return nil
	}
	return p.db.Close()
}
