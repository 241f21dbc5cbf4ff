package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/bench"
)

// benchCmd: mnr bench [flags], or mnr bench pdf [flags]. The load program:
// it starts this same binary as the server ("serve" on a fresh demo
// database, loopback only) and measures it beside ceilings from the same
// run. Bounded: every row stops after -duration or -max requests.
func (m *Main) benchCmd(ctx context.Context, args []string) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find this binary: %w", err)
	}
	if len(args) > 0 && args[0] == "pdf" {
		fs := m.flags("bench pdf")
		n := fs.Int("n", 12, "parallel export.pdf requests per scenario")
		settle := fs.Duration("settle", 5*time.Second, "how long to keep sampling after the last response")
		later := fs.Duration("later", 75*time.Second, "sample once more this long after the last response (0: not)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return bench.PDF(ctx, bench.PDFConfig{Bin: self, N: min(*n, 64), Settle: *settle, Later: *later}, m.Stdout)
	}
	fs := m.flags("bench")
	db := fs.String("db", "", "empty: SQLite in a temporary folder; or a postgres:// URL (the run uses a fresh schema there)")
	d := fs.Duration("duration", 3*time.Second, "time per row (at most a minute)")
	max := fs.Int("max", 20000, "requests per row at most")
	saves := fs.String("saves", "1,8,32,128", "client counts for API saves")
	pages := fs.String("pages", "1,8,32", "client counts for pages and reads (the issue measures pages at 32)")
	orgs := fs.Int("partner-orgs", 200, "partner data set: organisations")
	cycles := fs.Int("cycles", 5, "partner data set: approved assessments per organisation")
	serverLog := fs.String("server-log", "", "write the server's output to this file (with GODEBUG=gctrace=1 in the environment: its collections)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := bench.Config{Bin: self, DB: *db, Password: DemoPassword, Duration: min(*d, time.Minute), Max: *max,
		PartnerOrgs: min(*orgs, 1000), Cycles: min(*cycles, 20), ServerLog: *serverLog}
	if cfg.Saves, err = counts(*saves); err != nil {
		return err
	}
	if cfg.Pages, err = counts(*pages); err != nil {
		return err
	}
	return bench.Run(ctx, cfg, m.Stdout)
}

// counts parses "1,8,32" (each 1 to 256).
func counts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 256 {
			return nil, fmt.Errorf("client count %q: give numbers from 1 to 256", f)
		}
		out = append(out, n)
	}
	return out, nil
}
