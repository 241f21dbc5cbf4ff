package store

import (
	"context"
	"fmt"
	"strings"
)

// Options tune how a database is opened.
type Options struct {
	// Synchronous is SQLite's synchronous level: "full" (the default) makes
	// every commit durable before the save is acknowledged, so a power cut
	// cannot lose an answer the user saw saved; "normal" is faster, but in
	// WAL mode the last commits before a power cut (not a crash of the
	// process) can be lost. Ignored for PostgreSQL.
	Synchronous string
	// ReadOnly refuses every write (SQLite's query_only on the writer too),
	// as SQLite does when the database file cannot be written: for
	// inspecting a copy without changing it.
	ReadOnly bool
}

// synchronous returns the pragma value for the option.
func (o Options) synchronous() (string, error) {
	switch strings.ToLower(strings.TrimSpace(o.Synchronous)) {
	case "", "full":
		return "FULL", nil
	case "normal":
		return "NORMAL", nil
	}
	return "", fmt.Errorf("SQLite synchronous level %q: use full or normal", o.Synchronous)
}

// Synchronous reports SQLite's synchronous level on the writer connection
// (0 off, 1 normal, 2 full, 3 extra); -1 for PostgreSQL.
func (s *Store) Synchronous(ctx context.Context) (int, error) {
	if s.dialect != "sqlite" {
		return -1, nil
	}
	var n int
	err := s.w.WithContext(ctx).Raw("PRAGMA synchronous").Scan(&n).Error
	return n, err
}

// Path is the SQLite database file, or "" for PostgreSQL.
func (s *Store) Path() string { return s.path }

// checkpoint folds the write-ahead log into the database file and truncates
// the log, so nothing a later copy of the file needs stays beside it.
func (s *Store) checkpoint() error {
	if err := s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error; err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// release drops the shared lock on the SQLite file, once.
func (s *Store) release() error {
	if s.unlock == nil {
		return nil
	}
	err := s.unlock()
	s.unlock = nil
	return err
}

// SQLitePath returns the database file a DSN names, and false for a
// postgres:// URL.
func SQLitePath(dsn string) (string, bool) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return "", false
	}
	path := strings.TrimPrefix(dsn, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	return path, true
}
