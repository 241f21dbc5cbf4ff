// Command pdfmem measures what parallel PDF exports cost a running server:
// it starts "mnr serve" (a binary given with -mnr) on a fresh demo
// database, fires parallel export.pdf requests at it and samples the total
// resident memory of the server and every process below it (Chromium
// included) from /proc. It drives the server only through its command line
// and HTTP API, so the same run works on any version of mnr.
//
//	go build -o /tmp/mnr ./cmd/mnr && go run ./cmd/pdfmem -mnr /tmp/mnr
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	bin := flag.String("mnr", "", "path of the mnr binary to measure (required)")
	n := flag.Int("n", 12, "parallel requests per scenario")
	settle := flag.Duration("settle", 5*time.Second, "how long to keep sampling after the last response")
	later := flag.Duration("later", 75*time.Second, "when to sample once more after the last response (0: not), e.g. after an idle browser quit")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "usage: pdfmem -mnr PATH [-n 12] [-settle 5s] [-later 75s]")
		os.Exit(2)
	}
	abs, err := filepath.Abs(*bin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx := context.Background()
	for _, sc := range scenarios {
		res, err := measure(ctx, abs, sc, *n, *settle, *later)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", sc.name, err)
			os.Exit(1)
		}
		res.print(os.Stdout)
	}
}
