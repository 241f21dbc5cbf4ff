// Package bench is the load program behind "mnr bench": it starts the
// server as a child process of the same binary on a fresh demo database,
// drives it over loopback only, bounded in requests and time, and reports
// rates, latencies and memory beside ceilings measured in the same run.
package bench

import (
	"context"
	"io"
	"time"
)

// PDFConfig is "mnr bench pdf": parallel PDF exports and what they cost in
// memory (the server and every process below it, Chromium included).
type PDFConfig struct {
	Bin    string        // the mnr binary to start
	N      int           // parallel requests per scenario
	Settle time.Duration // how long to keep sampling after the last response
	Later  time.Duration // when to sample once more (0: not), e.g. after an idle browser quit
}

// PDF runs each scenario on its own fresh demo database and prints it.
func PDF(ctx context.Context, cfg PDFConfig, w io.Writer) error {
	for _, sc := range scenarios {
		res, err := measure(ctx, cfg.Bin, sc, cfg.N, cfg.Settle, cfg.Later)
		if err != nil {
			return err
		}
		res.print(w)
	}
	return nil
}
