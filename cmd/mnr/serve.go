package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/logx"
	"github.com/mnr-self-assessment/mnr/internal/mail"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve")
	def := os.Getenv("MNR_ADDR")
	if def == "" {
		def = "127.0.0.1:8080"
	}
	addr := fs.String("addr", def, "listen address (env MNR_ADDR)")
	dsn := dbFlag(fs)
	idle := fs.Duration("idle-timeout", 2*time.Hour, "sign out after this long without activity")
	absolute := fs.Duration("absolute-timeout", 12*time.Hour, "sign out this long after sign-in, whatever the activity")
	ops := opsFlags(fs)
	pdf := pdfFlags(fs)
	evidenceQuota := evidenceFlags(fs)
	memoryLimit := memoryFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := memoryLimit(); err != nil {
		return err
	}
	if err := ops.applyLogging(m); err != nil {
		return err
	}
	m.storeOptions.Synchronous = ops.sqliteSync
	pdfCfg, err := pdf()
	if err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	fw, err := framework.Default()
	if err != nil {
		return err
	}
	cfg := web.Config{SecureCookies: os.Getenv("MNR_SECURE_COOKIES") == "1", IdleTimeout: *idle,
		AbsoluteTimeout: *absolute, Chrome: report.ChromePath(), Version: version, BaseURL: os.Getenv("MNR_BASE_URL"),
		TrustProxy: os.Getenv("MNR_TRUST_PROXY") == "1", PDF: pdfCfg}
	if raw := os.Getenv("MNR_SMTP_URL"); raw != "" {
		m, err := mail.Parse(raw)
		if err != nil {
			return err
		}
		if cfg.BaseURL == "" {
			return errors.New("MNR_SMTP_URL is set but MNR_BASE_URL is not: mailed links need the public address, e.g. MNR_BASE_URL=https://mnr.example.org")
		}
		cfg.Mailer, cfg.MailNotifications = m, true
	}
	if err := ops.configure(&cfg); err != nil {
		return err
	}
	if cfg.EvidenceQuota, err = evidenceQuota(); err != nil {
		return err
	}
	srv, err := web.New(cfg, db, fw)
	if err != nil {
		return err
	}
	defer srv.Close() // the PDF renderer's Chromium, after the last request
	releaseStartup()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	stopOps, err := m.startOps(ctx, ops, db, srv, fw.Version)
	if err != nil {
		ln.Close()
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 120 * time.Second, IdleTimeout: 120 * time.Second}
	slog.Info("serving", "url", "http://"+ln.Addr().String(), "database", logx.Redact(*dsn), "framework", fw.Version)
	fmt.Fprintf(m.Stdout, "MNR Self-Assessment listening on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		stopOps(context.Background())
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
		// Stop accepting, let requests in flight (saves, PDF exports)
		// finish, stop the timers; Close then checkpoints the database.
		sctx, cancel := context.WithTimeout(context.Background(), ops.shutdownTimeout)
		defer cancel()
		slog.Info("shutting down", "timeout", ops.shutdownTimeout.String())
		err := hs.Shutdown(sctx)
		if err != nil {
			slog.Error("requests still running at the shutdown timeout were cut off", "err", err)
		}
		return errors.Join(err, stopOps(sctx))
	}
}

func (m *Main) migrate(ctx context.Context, args []string) error {
	fs := m.flags("migrate")
	dsn := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := m.open(ctx, *dsn); err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, "database is up to date")
	return nil
}

func (m *Main) frameworkValidate(args []string) error {
	if len(args) != 1 {
		return errors.New("usage: mnr framework validate FILE")
	}
	// Translation files beside the source (NAME.<lang>.yaml) are checked
	// too, and mappings against the earlier versions they name.
	f, err := framework.ParseFS(os.DirFS(filepath.Dir(args[0])), filepath.Base(args[0]))
	if err != nil {
		var ve *framework.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				fmt.Fprintln(m.Stdout, "problem:", p)
			}
		}
		return err
	}
	fmt.Fprintln(m.Stdout, f.Summary())
	return nil
}
