package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/mnr-self-assessment/mnr/migrations"
)

// Heartbeat writes the instance's heartbeat row: a tiny real write, so
// readiness fails when the database refuses writes (a read-only file, a
// full disk, a lost primary) even though reads still work.
func (s *Store) Heartbeat(ctx context.Context, instance string) error {
	err := s.w.WithContext(ctx).Exec(`INSERT INTO heartbeats (instance, at) VALUES (?, ?)
		ON CONFLICT (instance) DO UPDATE SET at = excluded.at`, instance, s.now()).Error
	if err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	return nil
}

// SchemaVersions returns the database's schema version and the newest one
// this binary knows; they differ while migrations are pending.
func (s *Store) SchemaVersions(ctx context.Context) (current, latest int64, err error) {
	p, err := s.migrations()
	if err != nil {
		return 0, 0, err
	}
	current, latest, err = p.GetVersions(ctx)
	if err != nil {
		return current, latest, fmt.Errorf("schema version: %w", err)
	}
	return current, latest, nil
}

// LatestSchemaVersion is the newest migration this binary carries for the
// dialect ("sqlite" or "postgres"), read from the embedded file names.
func LatestSchemaVersion(dialect string) (int64, error) {
	names, err := fs.Glob(migrations.FS, dialect+"/*.sql")
	if err != nil {
		return 0, err
	}
	var latest int64
	for _, n := range names {
		base := n[strings.LastIndexByte(n, '/')+1:]
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.ParseInt(num, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("migration %s: no version number", n)
		}
		latest = max(latest, v)
	}
	return latest, nil
}

// Handles returns the connection pools by role, for pool metrics:
// "writer" and "reader" with SQLite, one "main" pool with PostgreSQL.
func (s *Store) Handles() map[string]*sql.DB {
	out := map[string]*sql.DB{}
	w, err := s.w.DB()
	if err != nil {
		return out
	}
	if s.w == s.r {
		out["main"] = w
		return out
	}
	out["writer"] = w
	if r, err := s.r.DB(); err == nil {
		out["reader"] = r
	}
	return out
}
