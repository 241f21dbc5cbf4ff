package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// Config is one "mnr bench" run.
type Config struct {
	Bin         string        // the mnr binary to start as the server
	DB          string        // "" for SQLite in a temp dir, or a postgres:// URL (a fresh schema is made in it)
	Password    string        // the demo users' password
	Duration    time.Duration // per row
	Max         int           // requests per row at most
	Saves       []int         // client counts for API saves
	Pages       []int         // client counts for pages and reads
	PartnerOrgs int           // partner data set: organisations …
	Cycles      int           // … with this many approved assessments each
	ServerLog   string        // a file for the server's output; "": kept in memory, shown if it fails to start
}

// row is one line of the table.
type row struct {
	what    string
	clients int
	st      stat
	ceiling float64 // the rate to compare with; 0: none
	peakKB  int64   // the server's VmHWM once the row ended; 0: not the server's row
	// cpuPerReq is the server's CPU time (user and system) per request in
	// the row; 0: not the server's row.
	cpuPerReq time.Duration
	// clientCPU is the load program's own CPU time per request: its
	// clients (and, in a ceiling row, the Echo server it runs itself).
	clientCPU time.Duration
}

// Run measures everything on one fresh demo installation and prints the
// Markdown table.
func Run(ctx context.Context, cfg Config, w io.Writer) error {
	dir, err := os.MkdirTemp("", "mnr-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	lim := limits{d: cfg.Duration, max: cfg.Max}
	var rows []row
	ceil := map[string]float64{}
	for _, sync := range []string{"FULL", "NORMAL"} {
		st, err := sqliteUpsert(dir, sync, lim)
		if err != nil {
			return err
		}
		ceil["sqlite "+sync] = st.rate()
		rows = append(rows, row{what: "ceiling: raw SQLite upsert, WAL, synchronous=" + sync + ", one connection", clients: 1, st: st})
	}
	for _, n := range cfg.Pages {
		c0 := cpuTicks("self")
		st, err := echoConstant(n, lim)
		if err != nil {
			return err
		}
		ceil[fmt.Sprint("echo ", n)] = st.rate()
		rows = append(rows, row{what: "ceiling: Echo constant 5 KB page", clients: n, st: st, clientCPU: perRequest(cpuTicks("self")-c0, st.n)})
	}
	dsn, drop, err := database(ctx, cfg.DB, dir)
	if err != nil {
		return err
	}
	defer drop()
	s := &site{bin: cfg.Bin, db: dsn, logFile: cfg.ServerLog}
	if _, err := s.mnr(ctx, "", "demo"); err != nil {
		return err
	}
	t0 := time.Now()
	// Each client its token, and a fresh one each time a client reaches a
	// limit's worth of requests (at most cfg.Max in a row).
	writeTurns, readTurns := len(cfg.Saves)*(cfg.Max/writesPerToken+1), len(cfg.Pages)*(cfg.Max/readsPerToken+1)
	tg, err := seed(ctx, dsn, cfg.PartnerOrgs, cfg.Cycles, sum(cfg.Saves)+sum(cfg.Pages)+writeTurns+readTurns, sum(cfg.Pages)+readTurns)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	fmt.Fprintf(w, "Seeded the partner data set (%d organisations x %d cycles) in %s.\n\n", cfg.PartnerOrgs, cfg.Cycles, time.Since(t0).Round(time.Second))
	if err := s.start(ctx); err != nil {
		return err
	}
	defer s.stop()
	startKB := field(s.cmd.Process.Pid, "status", "VmRSS:")
	app, err := measureApp(s, cfg, tg, lim, ceil)
	rows = append(rows, app...)
	if err != nil {
		return err
	}
	printTable(w, cfg, rows)
	fmt.Fprintf(w, "\nServer memory: %.0f MB at start, peak RSS (VmHWM) %.0f MB through the run.\n",
		float64(startKB)/1024, float64(s.peakKB())/1024)
	return nil
}

// measureApp runs the rows against the running server.
func measureApp(s *site, cfg Config, tg target, lim limits, ceil map[string]float64) ([]row, error) {
	var rows []row
	sync := "sqlite FULL"
	if s.db != "" && !isSQLite(s.db) {
		sync = "" // no SQLite ceiling applies to PostgreSQL
	}
	for _, n := range cfg.Saves {
		sv, err := newSaver(s.url, tg.coordinator, tg.assessment, tg.indicators, n)
		if err != nil {
			return rows, err
		}
		rows = append(rows, s.measured("API answer saves, each client its own indicator", n, ceil[sync], func() stat { return loop(n, lim, sv.save) }))
	}
	session, err := SignIn(s.url, "coordinator@demoland.example", cfg.Password)
	if err != nil {
		return rows, err
	}
	a := fmt.Sprintf("%s/assessments/%d", s.url, tg.assessment)
	pages := []struct {
		what, url string
		tokens    *pool // API reads: a fresh token and address per client; nil: the session
	}{
		{"capability page (HTML)", a + "/capabilities/" + tg.capability, nil},
		{"assessment overview (HTML)", a, nil},
		{"home (HTML)", s.url + "/", nil},
		{"report page (HTML)", a + "/report", nil},
		{"GET /api/v1/assessments/{id}", fmt.Sprintf("%s/api/v1/assessments/%d", s.url, tg.assessment), tg.coordinator},
		{fmt.Sprintf("partner dashboard, %d organisations x %d cycles (API)", cfg.PartnerOrgs, cfg.Cycles), s.url + "/api/v1/partner/dashboard", tg.partner},
	}
	for _, p := range pages {
		for _, n := range cfg.Pages {
			hs := make([]http.Header, n)
			for c := range hs {
				hs[c] = session
				if p.tokens != nil {
					hs[c] = bearer(p.tokens.take(), nextAddr())
				}
			}
			reads := make([]int, n)
			rows = append(rows, s.measured(p.what, n, ceil[fmt.Sprint("echo ", n)], func() stat {
				return loop(n, lim, func(c int) int {
					if reads[c]++; p.tokens != nil && reads[c]%readsPerToken == 0 {
						hs[c] = bearer(p.tokens.take(), nextAddr())
					}
					return get(p.url, hs[c])
				})
			}))
		}
	}
	return rows, nil
}

func printTable(w io.Writer, cfg Config, rows []row) {
	fmt.Fprintf(w, "| what | clients | rate | p50 | p99 | ratio to ceiling | 409 | other errors | server peak RSS so far | server CPU per request | load program CPU per request |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		ratio := ""
		if r.ceiling > 0 {
			ratio = fmt.Sprintf("%.3f", r.st.rate()/r.ceiling)
		}
		peak := ""
		if r.peakKB > 0 {
			peak = fmt.Sprintf("%.0f MB", float64(r.peakKB)/1024)
		}
		fmt.Fprintf(w, "| %s | %d | %.0f/s | %s | %s | %s | %d | %d | %s | %s | %s |\n", r.what, r.clients, r.st.rate(),
			ms(r.st.pct(0.5)), ms(r.st.pct(0.99)), ratio, r.st.conflicts, r.st.errors, peak, µs(r.cpuPerReq), µs(r.clientCPU))
	}
}

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

// µs is a CPU time per request; "" for none.
func µs(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	return fmt.Sprintf("%d µs", d.Microseconds())
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
