// Package store is the only package that talks to the database. It opens
// SQLite (default) or PostgreSQL through GORM, runs the goose migrations
// embedded in migrations/, and persists the domain types, each save in one
// transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/mnr-self-assessment/mnr/internal/redact"
	"github.com/mnr-self-assessment/mnr/migrations"
)

// Store holds a writer and a reader handle. With SQLite the writer is a
// single connection (SQLite allows one writer at a time; queuing in Go is
// cheaper than busy retries) and readers share a pool, which WAL allows.
type Store struct {
	w       *gorm.DB
	r       *gorm.DB
	dialect string // "sqlite" or "postgres"
	now     func() time.Time
}

// Open connects to dsn: a postgres:// URL, or a SQLite file path (created
// with its folder when missing). It does not migrate; call Migrate.
func Open(dsn string) (*Store, error) {
	cfg := &gorm.Config{Logger: logger.Discard, NowFunc: func() time.Time { return time.Now().UTC() }}
	s := &Store{now: func() time.Time { return time.Now().UTC() }}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err := gorm.Open(postgres.Open(dsn), cfg)
		if err != nil {
			// Text only: a driver error may quote the connection string.
			return nil, fmt.Errorf("open postgres: %s", redact.Text(err.Error()))
		}
		s.w, s.r, s.dialect = db, db, "postgres"
		return s, nil
	}
	path := strings.TrimPrefix(dsn, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	w, err := gorm.Open(sqlite.Open(sqliteDSN(path, "immediate", false)), cfg)
	if err != nil {
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	wdb, _ := w.DB()
	wdb.SetMaxOpenConns(1)
	wdb.SetConnMaxIdleTime(0)
	r, err := gorm.Open(sqlite.Open(sqliteDSN(path, "deferred", true)), cfg)
	if err != nil {
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	rdb, _ := r.DB()
	rdb.SetMaxOpenConns(8)
	s.w, s.r, s.dialect = w, r, "sqlite"
	return s, nil
}

// sqliteDSN sets the pragmas on every connection: WAL so readers never block
// the writer, a busy timeout instead of instant SQLITE_BUSY, foreign keys,
// and immediate transactions so a writer takes its lock up front.
func sqliteDSN(path, txlock string, readOnly bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", txlock)
	if readOnly {
		q.Set("_query_only", "true")
	}
	return "file:" + path + "?" + q.Encode()
}

// Dialect is "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Migrate applies every pending migration for the dialect.
func (s *Store) Migrate(ctx context.Context) error {
	db, err := s.w.DB()
	if err != nil {
		return err
	}
	sub, err := fs.Sub(migrations.FS, s.dialect)
	if err != nil {
		return err
	}
	dialect := goose.DialectSQLite3
	if s.dialect == "postgres" {
		dialect = goose.DialectPostgres
	}
	p, err := goose.NewProvider(dialect, db, sub)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	for _, r := range results {
		slog.Info("migration applied", "version", r.Source.Version, "file", r.Source.Path, "took", r.Duration)
	}
	return nil
}

// Ping checks the database answers, for /healthz.
func (s *Store) Ping(ctx context.Context) error {
	db, err := s.r.DB()
	if err != nil {
		return err
	}
	return db.PingContext(ctx)
}

// Close releases both handles.
func (s *Store) Close() error {
	var errs []error
	for _, g := range []*gorm.DB{s.w, s.r} {
		if db, err := g.DB(); err == nil {
			errs = append(errs, db.Close())
		}
		if s.w == s.r {
			break
		}
	}
	return errors.Join(errs...)
}

// tx runs fn in one write transaction. A write the database refuses for a
// constraint comes back as a domain error (constraintError), so a race
// that a unique index settles answers 409, never 500.
func (s *Store) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return constraintError(s.w.WithContext(ctx).Transaction(fn))
}

func (s *Store) read(ctx context.Context) *gorm.DB { return s.r.WithContext(ctx) }

// notFound turns gorm's record-not-found into the domain's error.
func notFound(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, sql.ErrNoRows) {
		return assessmentNotFound(what)
	}
	return err
}
