package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/backup"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// pgBackupHelp is what mnr backup and restore say for PostgreSQL, where the
// database's own tools do the job properly.
const pgBackupHelp = `this installation uses PostgreSQL: back it up with the database's own tools, e.g.
  pg_dump --format=custom --file=mnr.dump "$MNR_DB"
and restore into an empty database, with the servers stopped, with
  pg_restore --clean --if-exists --no-owner --dbname="$MNR_DB" mnr.dump
(see docs/operations.md)`

// backupCmd writes a verified, compressed snapshot of a running SQLite
// installation.
func (m *Main) backupCmd(ctx context.Context, args []string) error {
	fs := m.flags("backup")
	dsn := dbFlag(fs)
	out := fs.String("out", "", "backup file to write, e.g. mnr-2026-11-30.tar.gz (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("mnr backup: --out FILE is required")
	}
	if _, lite := store.SQLitePath(*dsn); !lite {
		return errors.New(pgBackupHelp)
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	start := time.Now()
	man, err := backup.Create(ctx, db, *out, version)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "backup written to %s: database of %d bytes, schema version %d, integrity ok, sha256 %s, in %v\n",
		*out, man.DatabaseBytes, man.SchemaVersion, man.SHA256, time.Since(start).Round(time.Millisecond))
	return nil
}

// restoreCmd replaces a stopped installation's database with a backup.
func (m *Main) restoreCmd(ctx context.Context, args []string) error {
	fs := m.flags("restore")
	dsn := dbFlag(fs)
	in := fs.String("in", "", "backup file written by mnr backup (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" {
		return errors.New("mnr restore: --in FILE is required")
	}
	path, lite := store.SQLitePath(*dsn)
	if !lite {
		return errors.New(pgBackupHelp)
	}
	r, err := backup.Restore(ctx, *in, path)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "restored %s from %s (made %s by mnr %s, schema version %d)\n",
		path, *in, r.CreatedAt.Format(time.RFC3339), r.AppVersion, r.SchemaVersion)
	if r.Previous != "" {
		fmt.Fprintf(m.Stdout, "the database it replaced is kept as %s; delete it when you no longer need it\n", r.Previous)
	}
	return nil
}

// opsCommands are the operations subcommands, dispatched by Run.
func (m *Main) opsCommands() map[string]func(context.Context, []string) error {
	return map[string]func(context.Context, []string) error{
		"backup":              m.backupCmd,
		"restore":             m.restoreCmd,
		"user erase":          m.userErase,
		"organisation delete": m.organisationDelete,
		"audit prune":         m.auditPrune,
	}
}
