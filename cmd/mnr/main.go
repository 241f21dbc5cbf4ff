// Command mnr is the one binary of MNR Self-Assessment: the web server and
// its administration commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/logx"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain(os.Stdin, os.Stdout, os.Stderr)
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "mnr:", err)
		os.Exit(1)
	}
}

// Main holds the program's streams and open resources, so tests can run
// subcommands for real and close what they opened.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	DB             *store.Store
	closers        []func() error
	storeOptions   store.Options // set by flags before open; MNR_SQLITE_SYNC otherwise
}

// NewMain returns a Main on the given streams.
func NewMain(stdin io.Reader, stdout, stderr io.Writer) *Main {
	if l, err := logx.New(stderr, os.Getenv("MNR_LOG_FORMAT"), slog.LevelInfo); err == nil {
		slog.SetDefault(l)
	} else {
		slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
	}
	return &Main{Stdin: stdin, Stdout: stdout, Stderr: stderr}
}

const usage = `mnr: MNR Self-Assessment

Usage: mnr <command> [flags]

Commands:
  serve       run the web server (default 127.0.0.1:8080, database ./data/mnr.db)
  migrate     apply database migrations
  demo        load the fictional country "Demoland" with demo users
  user add    add a user (password read from standard input)
  user reset-link  print a one-time password reset link for a user (operators only)
  member add  give a user a role in an organisation
  token create  create an API token for a user
  export      export an assessment (csv, xlsx, json, pdf)
  workbook export  write an assessment's or a contribution's offline workbook (xlsx)
  workbook import  preview (--dry-run) or import a filled workbook
  framework validate FILE  check a framework data file
  backup      write a verified, compressed backup of a running SQLite installation
  restore     replace a stopped installation's SQLite database with a backup
  user erase  erase a person: name and email replaced by a pseudonym everywhere
  organisation delete  export an organisation's data to a file, then delete it
  audit prune delete audit events older than a date or an age
  bench       the load program: starts this binary as a server on a fresh demo and measures it
  bench pdf   parallel PDF exports and the memory they take
  health      exit 0 when the server at MNR_ADDR answers /readyz as ready (for HEALTHCHECK)
  version     print the version

Every command takes -db (or MNR_DB). Run "mnr <command> -h" for its flags.
`

// Run dispatches to a subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	defer m.Close()
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return flag.ErrHelp
	}
	cmd, rest := args[0], args[1:]
	if len(rest) > 0 && (cmd == "user" || cmd == "member" || cmd == "token" || cmd == "framework" || cmd == "organisation" || cmd == "audit" || cmd == "workbook") {
		cmd, rest = cmd+" "+rest[0], rest[1:]
	}
	if run, ok := m.opsCommands()[cmd]; ok {
		return run(ctx, rest)
	}
	switch cmd {
	case "serve":
		return m.serve(ctx, rest)
	case "migrate":
		return m.migrate(ctx, rest)
	case "demo":
		return m.demo(ctx, rest)
	case "user add":
		return m.userAdd(ctx, rest)
	case "user reset-link":
		return m.userResetLink(ctx, rest)
	case "member add":
		return m.memberAdd(ctx, rest)
	case "token create":
		return m.tokenCreate(ctx, rest)
	case "export":
		return m.export(ctx, rest)
	case "workbook export":
		return m.workbookExport(ctx, rest)
	case "workbook import":
		return m.workbookImport(ctx, rest)
	case "framework validate":
		return m.frameworkValidate(rest)
	case "health":
		return m.health(ctx, rest)
	case "bench":
		return m.benchCmd(ctx, rest)
	case "version":
		fw, err := framework.Default()
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "mnr %s (framework %s)\n", version, fw.Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprint(m.Stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

// Close releases everything Run opened.
func (m *Main) Close() error {
	var errs []error
	for i := len(m.closers) - 1; i >= 0; i-- {
		errs = append(errs, m.closers[i]())
	}
	m.closers = nil
	return errors.Join(errs...)
}

// dbFlag registers -db with its environment default.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("MNR_DB")
	if def == "" {
		def = "./data/mnr.db"
	}
	return fs.String("db", def, "database: a SQLite file path or a postgres:// URL (env MNR_DB)")
}

// open connects and migrates, so every command works on a fresh machine.
func (m *Main) open(ctx context.Context, dsn string) (*store.Store, error) {
	opts := m.storeOptions
	if opts.Synchronous == "" {
		opts.Synchronous = os.Getenv("MNR_SQLITE_SYNC")
	}
	db, err := store.OpenWith(dsn, opts)
	if err != nil {
		return nil, err
	}
	m.closers = append(m.closers, db.Close)
	if err := db.Migrate(ctx); err != nil {
		return nil, err
	}
	m.DB = db
	return db, nil
}

func (m *Main) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("mnr "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}
