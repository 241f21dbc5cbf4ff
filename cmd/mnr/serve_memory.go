package main

import (
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// memoryFlags adds -memory-limit to serve and returns a function that
// applies it once the flags are parsed: a soft limit on the Go runtime's
// memory (debug.SetMemoryLimit), so the garbage collector works harder as
// the heap nears it, and returns freed memory to the system sooner,
// instead of letting the heap double what is live. It is a guard, not a
// cap: the process can exceed it (SQLite's own caches, the binary,
// Chromium are outside it), and a limit below what the server really
// holds makes it spend up to half its CPU collecting. "auto" (the
// default) sizes it from the cores (autoMemoryLimit); GOMEMLIMIT, when
// set, is the runtime's own and wins. GOGC keeps its default of 100: below
// the limit the heap may still double, which costs little CPU.
func memoryFlags(fs *flag.FlagSet) func() error {
	limit := fs.String("memory-limit", envOr("MNR_MEMORY_LIMIT", "auto"),
		"soft limit on the Go runtime's memory, e.g. 96MB; auto (from the cores) or off (env MNR_MEMORY_LIMIT; GOMEMLIMIT wins when set)")
	return func() error {
		v := strings.ToLower(strings.TrimSpace(*limit))
		if os.Getenv("GOMEMLIMIT") != "" || v == "off" {
			return nil
		}
		n := autoMemoryLimit(runtime.GOMAXPROCS(0))
		if v != "auto" {
			var err error
			if n, err = parseBytes(*limit); err != nil {
				return fmt.Errorf("-memory-limit: %w", err)
			}
		}
		if n < 32<<20 {
			return fmt.Errorf("-memory-limit: %s is below 32MB, less than the server needs", *limit)
		}
		debug.SetMemoryLimit(int64(min(n, math.MaxInt64)))
		slog.Info("memory limit set", "bytes", n, "from", v)
		return nil
	}
}

// autoMemoryLimit is the default limit: 32 MiB for what the server keeps
// (templates, message bundles, frameworks, cached reports and principals:
// 10 to 25 MiB live under load), and 8 MiB per core for the work in
// flight, which the server bounds per core (two pages or reads, one
// partner dashboard, one password hash). 48 MiB on two cores.
func autoMemoryLimit(cores int) uint64 { return 32<<20 + 8<<20*uint64(max(2, cores)) }

// releaseStartup returns to the system the memory that starting took
// (migrations, the framework's files, the English templates) and that is
// garbage once the server is built: the runtime would otherwise keep tens
// of megabytes of idle heap for minutes, counted in the process's memory.
func releaseStartup() { debug.FreeOSMemory() }
