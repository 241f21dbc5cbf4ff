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
	"time"

	"github.com/pressly/goose/v3"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/logx"
	"github.com/mnr-self-assessment/mnr/migrations"
)

// Store holds a writer and a reader handle. With SQLite the writer is a
// single connection (SQLite allows one writer at a time; queuing in Go is
// cheaper than busy retries) and readers share a pool, which WAL allows.
type Store struct {
	w       *gorm.DB
	r       *gorm.DB
	dialect string // "sqlite" or "postgres"
	path    string // the SQLite file; "" for PostgreSQL
	dsn     string // as given to Open
	now     func() time.Time
	unlock  func() error // releases the shared lock on the SQLite file
	ro      bool         // opened with Options.ReadOnly

	principals genCache[int64, PrincipalContent]      // principals by user, at the principal generation (gen_cache.go)
	tokens     genCache[string, assessment.Token]     // live API tokens by hash, at the same generation
	heads      genCache[int64, assessment.Assessment] // assessments' heads for saves, at the same generation
	touched    touchMemo                              // assessments' updated_at known recent, so saves skip the touch (answer_open.go)
	batch      *rateBatch                             // per-request rate limits counted here, written in batches (ratelimit_batch.go)
	group      *groupCommit                           // SQLite: writes sharing commits (group_commit.go); nil on PostgreSQL
	prepared   []*preparedPool                        // SQLite: the writer's and readers' prepared statements (prepared.go)
	rawCount   rawCounter                             // counts the statements run without GORM (raw.go) for CountStatements
	version    versionProbe                           // SQLite: the connection DataVersion asks (data_version.go)
	versions   versionCache                           // SQLite: reads kept while the data version holds (version_cache.go)
}

// postgresConns is the PostgreSQL pool's size per instance: well past
// what two cores keep busy, so a request that reads beside its own open
// transaction never waits on the pool, and under the server's default
// limit of 100 with room for a second instance's idle connections.
const postgresConns = 64

// Open connects to dsn: a postgres:// URL, or a SQLite file path (created
// with its folder when missing), with the default options. It does not
// migrate; call Migrate.
func Open(dsn string) (*Store, error) { return OpenWith(dsn, Options{}) }

// OpenWith is Open with options (see Options).
func OpenWith(dsn string, o Options) (*Store, error) {
	sync, err := o.synchronous()
	if err != nil {
		return nil, err
	}
	cfg := &gorm.Config{Logger: logger.Discard, NowFunc: func() time.Time { return time.Now().UTC() }}
	s := &Store{now: func() time.Time { return time.Now().UTC() }, dsn: dsn}
	s.batch = newRateBatch(s)
	path, lite := SQLitePath(dsn)
	if !lite {
		db, err := gorm.Open(postgres.Open(dsn), cfg)
		if err != nil {
			// Text only: a driver error may quote the connection string.
			return nil, fmt.Errorf("open postgres: %s", logx.Redact(err.Error()))
		}
		// A bounded pool, kept open: past PostgreSQL's connection limit
		// (100 by default, shared with other instances) requests would fail,
		// and reconnecting for each burst costs more than waiting a moment.
		pdb, _ := db.DB()
		pdb.SetMaxOpenConns(postgresConns)
		pdb.SetMaxIdleConns(postgresConns)
		s.w, s.r, s.dialect = db, db, "postgres"
		return s, nil
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	// A shared lock for as long as the store is open tells restore that
	// the database is in use.
	switch unlock, err := lockFile(path, false); {
	case errors.Is(err, ErrInUse):
		return nil, fmt.Errorf("open %s: a restore is replacing this database; try again when it has finished", path)
	case err != nil:
		slog.Warn("database lock not taken; restore cannot tell this process is running", "err", err)
	default:
		s.unlock = unlock
	}
	w, err := gorm.Open(sqlite.Open(sqliteDSN(path, "immediate", sync, o.ReadOnly, writerCacheKiB)), cfg)
	if err != nil {
		s.release()
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	wdb, _ := w.DB()
	wdb.SetMaxOpenConns(1)
	wdb.SetConnMaxIdleTime(0)
	r, err := gorm.Open(sqlite.Open(sqliteDSN(path, "deferred", sync, true, readerCacheKiB)), cfg)
	if err != nil {
		wdb.Close()
		s.release()
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	rdb, _ := r.DB()
	rdb.SetMaxOpenConns(sqliteReaders())
	rdb.SetMaxIdleConns(sqliteReaders())
	s.w, s.r, s.dialect, s.path, s.ro = w, r, "sqlite", path, o.ReadOnly
	for _, g := range []*gorm.DB{w, r} {
		p, err := usePrepared(g)
		if err != nil {
			wdb.Close()
			rdb.Close()
			s.release()
			return nil, fmt.Errorf("prepared statements: %w", err)
		}
		s.prepared = append(s.prepared, p)
	}
	s.group = newGroupCommit(w)
	return s, nil
}

// sqliteDSN sets the pragmas on every connection: WAL so readers never block
// the writer, a busy timeout instead of instant SQLITE_BUSY, foreign keys,
// immediate transactions so a writer takes its lock up front, the
// synchronous level (FULL by default: see Options) and the page cache's
// size (sqlite_memory.go).
func sqliteDSN(path, txlock, sync string, readOnly bool, cacheKiB int) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", sync)
	q.Set("_txlock", txlock)
	q.Set("_cache_size", fmt.Sprint(-cacheKiB))
	if readOnly {
		q.Set("_query_only", "true")
	}
	return "file:" + path + "?" + q.Encode()
}

// Dialect is "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Migrate applies every pending migration for the dialect.
func (s *Store) Migrate(ctx context.Context) error {
	locker, err := s.migrationLock(ctx)
	if err != nil {
		return err
	}
	p, err := s.migrations(locker...)
	if err != nil {
		return err
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

// migrations returns the goose provider for the dialect's embedded files.
func (s *Store) migrations(opts ...goose.ProviderOption) (*goose.Provider, error) {
	db, err := s.w.DB()
	if err != nil {
		return nil, err
	}
	sub, err := fs.Sub(migrations.FS, s.dialect)
	if err != nil {
		return nil, err
	}
	dialect := goose.DialectSQLite3
	if s.dialect == "postgres" {
		dialect = goose.DialectPostgres
	}
	p, err := goose.NewProvider(dialect, db, sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

// Ping checks the database answers, for /healthz.
func (s *Store) Ping(ctx context.Context) error {
	db, err := s.r.DB()
	if err != nil {
		return err
	}
	return db.PingContext(ctx)
}

// Close releases both handles. With SQLite it first folds the write-ahead
// log back into the database file, so a stopped installation is one file.
func (s *Store) Close() error {
	var errs []error
	if !s.ro {
		s.batch.close()
	}
	if s.group != nil {
		s.group.close()
	}
	if s.dialect == "sqlite" && !s.ro {
		errs = append(errs, s.checkpoint())
	}
	for _, p := range s.prepared {
		errs = append(errs, p.close())
	}
	errs = append(errs, s.version.close())
	for _, g := range []*gorm.DB{s.w, s.r} {
		if db, err := g.DB(); err == nil {
			errs = append(errs, db.Close())
		}
		if s.w == s.r {
			break
		}
	}
	errs = append(errs, s.release())
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
