package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// ErrNotSQLite is returned by SQLite-only operations on PostgreSQL.
var ErrNotSQLite = errors.New("this operation needs a SQLite database; for PostgreSQL use pg_dump and pg_restore")

// SnapshotTo writes a consistent copy of the running database to dest
// (which must not exist) with VACUUM INTO on a reader connection. The
// reader sees one snapshot of the WAL, so the copy holds exactly the
// transactions committed before it started, while saves carry on.
func (s *Store) SnapshotTo(ctx context.Context, dest string) error {
	if s.dialect != "sqlite" {
		return ErrNotSQLite
	}
	db, err := sql.Open("sqlite3", "file:"+s.path+"?"+url.Values{"_busy_timeout": {"5000"}}.Encode())
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// SQLiteFile describes a database file checked by InspectSQLite.
type SQLiteFile struct {
	SchemaVersion int64 // the highest applied migration
}

// InspectSQLite opens a database file read-only, runs integrity_check and
// checks it is this application's database; it returns its schema version.
func InspectSQLite(ctx context.Context, path string) (SQLiteFile, error) {
	if _, err := os.Stat(path); err != nil {
		return SQLiteFile{}, err
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		return SQLiteFile{}, err
	}
	defer db.Close()
	var problems []string
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return SQLiteFile{}, fmt.Errorf("not a SQLite database: %w", err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return SQLiteFile{}, err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return SQLiteFile{}, fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return SQLiteFile{}, fmt.Errorf("integrity check failed: %s", strings.Join(problems, "; "))
	}
	var tables int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('goose_db_version', 'organisations', 'users', 'assessments', 'answers', 'audit_events')`).Scan(&tables)
	if err != nil || tables != 6 {
		return SQLiteFile{}, errors.New("not a database of MNR Self-Assessment (its tables are missing)")
	}
	var f SQLiteFile
	if err := db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version WHERE is_applied").Scan(&f.SchemaVersion); err != nil {
		return SQLiteFile{}, fmt.Errorf("schema version: %w", err)
	}
	return f, nil
}
