package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/labstack/echo/v4"
)

// readyCheck is one line of /readyz.
type readyCheck struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Fatal  bool   `json:"fatal"` // a failed fatal check makes the instance not ready
	Detail string `json:"detail,omitempty"`
	TookMS int64  `json:"took_ms"`
}

type readyBody struct {
	Status string       `json:"status"` // "ready" or "not ready"
	Checks []readyCheck `json:"checks"`
}

// readyTimeout bounds each check, so a stuck database makes /readyz fail
// rather than hang the load balancer's probe.
const readyTimeout = 3 * time.Second

// readyz says whether this instance can serve users: the database answers,
// its schema is current, a write succeeds, and the disk has room. The PDF
// renderer is reported but does not make the instance unready (the report
// can still be printed from the browser). 200 when ready, else 503; the
// body lists every check either way. /healthz only says the process is up.
func (s *Server) readyz(c echo.Context) error {
	ctx := c.Request().Context()
	body := readyBody{Status: "ready"}
	run := func(name string, fatal bool, check func(context.Context) (string, error)) {
		cctx, cancel := context.WithTimeout(ctx, readyTimeout)
		defer cancel()
		start := time.Now()
		detail, err := check(cctx)
		rc := readyCheck{Name: name, OK: err == nil, Fatal: fatal, Detail: detail, TookMS: time.Since(start).Milliseconds()}
		if err != nil {
			rc.Detail = err.Error()
			if fatal {
				body.Status = "not ready"
			}
		}
		body.Checks = append(body.Checks, rc)
	}
	run("database", true, func(ctx context.Context) (string, error) { return "", s.db.Ping(ctx) })
	run("migrations", true, s.checkMigrations)
	run("write", true, func(ctx context.Context) (string, error) { return "", s.db.Heartbeat(ctx, s.instance()) })
	run("disk", true, s.checkDisk)
	run("pdf", false, s.checkPDF)
	status := http.StatusOK
	if body.Status != "ready" {
		status = http.StatusServiceUnavailable
	}
	return c.JSON(status, body)
}

func (s *Server) checkMigrations(ctx context.Context) (string, error) {
	cur, latest, err := s.db.SchemaVersions(ctx)
	if err != nil {
		return "", err
	}
	if cur != latest {
		return "", fmt.Errorf("schema version %d, this version of the application needs %d: run mnr migrate", cur, latest)
	}
	return fmt.Sprintf("schema version %d", cur), nil
}

// checkDisk checks the free space of the database's folder (SQLite) and of
// the backup folder.
func (s *Server) checkDisk(context.Context) (string, error) {
	var dirs []string
	if p := s.db.Path(); p != "" {
		dirs = append(dirs, filepath.Dir(p))
	}
	dirs = append(dirs, s.cfg.Ops.DiskPaths...)
	if len(dirs) == 0 {
		return "no local database folder to check (PostgreSQL)", nil
	}
	free := s.cfg.Ops.FreeSpace
	if free == nil {
		free = freeSpace
	}
	min := s.cfg.Ops.MinFreeBytes
	detail := ""
	for _, d := range dirs {
		n, err := free(d)
		if errors.Is(err, errors.ErrUnsupported) {
			return "free space cannot be read on this system", nil
		}
		if err != nil {
			return "", fmt.Errorf("free space of %s: %w", filepath.Base(d), err)
		}
		if n == 0 || n < min {
			return "", fmt.Errorf("%s free in the folder of %s, below the minimum of %s", mb(n), filepath.Base(d), mb(min))
		}
		detail = fmt.Sprintf("%s free (minimum %s)", mb(n), mb(min))
	}
	return detail, nil
}

func mb(n uint64) string { return fmt.Sprintf("%d MB", n/(1<<20)) }

func (s *Server) checkPDF(context.Context) (string, error) {
	if s.cfg.Chrome == "" {
		return "", errors.New("no Chromium configured: PDF export is off, the print page still works")
	}
	st, err := os.Stat(s.cfg.Chrome)
	if err != nil || st.IsDir() || st.Mode()&0o111 == 0 {
		return "", errors.New("the configured Chromium is not an executable file: PDF export will fail")
	}
	return "Chromium found", nil
}

// instance names this process in heartbeats.
func (s *Server) instance() string {
	if s.cfg.Ops.Instance != "" {
		return s.cfg.Ops.Instance
	}
	if h, err := os.Hostname(); err == nil {
		return h
	}
	return "mnr"
}
