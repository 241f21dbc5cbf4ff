package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/backup"
	"github.com/mnr-self-assessment/mnr/internal/jobs"
	"github.com/mnr-self-assessment/mnr/internal/logx"
	"github.com/mnr-self-assessment/mnr/internal/metrics"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// opsOptions are serve's operations flags.
type opsOptions struct {
	logFormat       string
	sqliteSync      string
	metricsAddr     string
	shutdownTimeout time.Duration
	backupDir       string
	backupEvery     time.Duration
	backupKeep      int
	minFree         string
	mailEvery       time.Duration
	remindEvery     time.Duration
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// opsFlags registers serve's operations flags, each with its environment
// variable as default.
func opsFlags(fs *flag.FlagSet) *opsOptions {
	o := &opsOptions{}
	fs.StringVar(&o.logFormat, "log-format", envOr("MNR_LOG_FORMAT", "auto"), "log format: json, text, or auto (JSON unless standard error is a terminal) (env MNR_LOG_FORMAT)")
	fs.StringVar(&o.sqliteSync, "sqlite-sync", envOr("MNR_SQLITE_SYNC", "full"), "SQLite durability: full (a saved answer survives a power cut) or normal (faster; the last saves can be lost on power loss) (env MNR_SQLITE_SYNC)")
	fs.StringVar(&o.metricsAddr, "metrics-addr", os.Getenv("MNR_METRICS_ADDR"), "serve Prometheus metrics at /metrics on this separate address, e.g. 127.0.0.1:9090 (env MNR_METRICS_ADDR); MNR_METRICS_TOKEN serves them on the main address to bearers of the token instead or as well")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", 30*time.Second, "on SIGTERM, how long to let requests in flight (saves, PDF exports) finish")
	fs.StringVar(&o.backupDir, "backup-dir", os.Getenv("MNR_BACKUP_DIR"), "write scheduled backups of the SQLite database into this folder (env MNR_BACKUP_DIR)")
	fs.DurationVar(&o.backupEvery, "backup-every", 24*time.Hour, "interval between scheduled backups")
	fs.IntVar(&o.backupKeep, "backup-keep", 14, "scheduled backups to keep in -backup-dir (the oldest are deleted; 0 keeps all)")
	fs.StringVar(&o.minFree, "min-free-disk", envOr("MNR_MIN_FREE_DISK", "200MB"), "free disk space below which /readyz reports not ready, e.g. 200MB or 2GB (env MNR_MIN_FREE_DISK)")
	fs.DurationVar(&o.mailEvery, "mail-every", 30*time.Second, "how often the mail outbox job sends pending notifications (with MNR_SMTP_URL)")
	fs.DurationVar(&o.remindEvery, "remind-every", time.Hour, "how often the job that writes \"due soon\" reminders runs")
	return o
}

// applyLogging installs the logger chosen by -log-format.
func (o *opsOptions) applyLogging(m *Main) error {
	l, err := logx.New(m.Stderr, o.logFormat, slog.LevelInfo)
	if err != nil {
		return err
	}
	slog.SetDefault(l)
	return nil
}

// configure fills the web configuration's operations part.
func (o *opsOptions) configure(cfg *web.Config) error {
	n, err := parseBytes(o.minFree)
	if err != nil {
		return fmt.Errorf("-min-free-disk: %w", err)
	}
	cfg.Ops.MinFreeBytes = n
	cfg.Ops.MetricsToken = os.Getenv("MNR_METRICS_TOKEN")
	if o.backupDir != "" {
		cfg.Ops.DiskPaths = append(cfg.Ops.DiskPaths, o.backupDir)
	}
	return nil
}

// startOps starts what runs beside the web server: pool metrics, the
// metrics listener and scheduled backups. stop ends them, waiting for a
// running job, within ctx.
func (m *Main) startOps(ctx context.Context, o *opsOptions, db *store.Store, srv *web.Server, fwVersion string) (stop func(context.Context) error, err error) {
	for role, h := range db.Handles() {
		metrics.RegisterDB(role, h)
	}
	metrics.SetBuildInfo(version, fwVersion)
	jobCtx, cancelJobs := context.WithCancel(ctx)
	runner := &jobs.Runner{Leases: db}
	startJobs(jobCtx, runner, o, db, srv)
	var ms *http.Server
	stop = func(sctx context.Context) error {
		cancelJobs()
		runner.Wait()
		if ms != nil {
			return ms.Shutdown(sctx)
		}
		return nil
	}
	if o.backupDir != "" {
		if db.Dialect() != "sqlite" {
			cancelJobs()
			return nil, errors.New("-backup-dir: scheduled backups are for SQLite; back up PostgreSQL with pg_dump (docs/operations.md)")
		}
		if o.backupEvery < time.Minute {
			cancelJobs()
			return nil, errors.New("-backup-every must be at least 1m")
		}
		runner.Every(jobCtx, "backup", o.backupEvery, func(ctx context.Context) error {
			path, man, err := backup.Scheduled(ctx, db, o.backupDir, o.backupKeep, version, time.Now())
			if err == nil {
				metrics.BackupWritten(man.DatabaseBytes)
				slog.Info("backup written", "file", path, "bytes", man.DatabaseBytes, "schema", man.SchemaVersion)
			}
			return err
		})
	}
	if o.metricsAddr != "" {
		ln, err := net.Listen("tcp", o.metricsAddr)
		if err != nil {
			stop(ctx)
			return nil, fmt.Errorf("metrics listener: %w", err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", metrics.Handler())
		ms = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := ms.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				slog.Error("metrics listener", "err", err)
			}
		}()
		slog.Info("metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	}
	return stop, nil
}

// parseBytes reads sizes such as 200MB, 2GB, 512KB or a plain byte count.
func parseBytes(s string) (uint64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := uint64(1)
	for _, u := range []struct {
		suffix string
		mult   uint64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a size such as 200MB", s)
	}
	return n * mult, nil
}
