package main

import (
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"
	"runtime/debug"
	"strings"
)

// memoryFlags adds -memory-limit to serve and returns a function that
// applies it once the flags are parsed: a soft limit on the Go runtime's
// memory (debug.SetMemoryLimit), so the garbage collector works harder as
// the heap nears it instead of letting it double. It is a guard for small
// machines, not a cap: the process can exceed it (SQLite's own caches, the
// binary, Chromium are outside it), and a limit below what the server
// really holds makes it spend up to half its CPU collecting. Off by
// default; GOMEMLIMIT, when set, is the runtime's own and wins.
func memoryFlags(fs *flag.FlagSet) func() error {
	limit := fs.String("memory-limit", envOr("MNR_MEMORY_LIMIT", "off"),
		"soft limit on the Go heap, e.g. 96MB, or off (env MNR_MEMORY_LIMIT; GOMEMLIMIT wins when set)")
	return func() error {
		if os.Getenv("GOMEMLIMIT") != "" || strings.EqualFold(strings.TrimSpace(*limit), "off") {
			return nil
		}
		n, err := parseBytes(*limit)
		if err != nil {
			return fmt.Errorf("-memory-limit: %w", err)
		}
		if n < 32<<20 {
			return fmt.Errorf("-memory-limit: %s is below 32MB, less than the server needs", *limit)
		}
		debug.SetMemoryLimit(int64(min(n, math.MaxInt64)))
		slog.Info("memory limit set", "bytes", n)
		return nil
	}
}

// releaseStartup returns to the system the memory that starting took
// (migrations, the framework's files, the English templates) and that is
// garbage once the server is built: the runtime would otherwise keep tens
// of megabytes of idle heap for minutes, counted in the process's memory.
func releaseStartup() { debug.FreeOSMemory() }
