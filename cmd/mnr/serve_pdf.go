package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/report"
)

// maxPDFWait keeps a queued export within the server's write timeout.
const maxPDFWait = time.Minute

// pdfFlags declares the PDF renderer's bounds on fs, each defaulting to
// its environment variable; the returned function reads them after Parse.
func pdfFlags(fs *flag.FlagSet) func() (report.RendererConfig, error) {
	tabs := fs.String("pdf-tabs", os.Getenv("MNR_PDF_TABS"), "PDF renders at once, each a tab of the one Chromium (env MNR_PDF_TABS; default 2)")
	queue := fs.String("pdf-queue", os.Getenv("MNR_PDF_QUEUE"), "PDF renders that may wait for a tab before requests get 503 (env MNR_PDF_QUEUE; default 8)")
	wait := fs.String("pdf-wait", os.Getenv("MNR_PDF_WAIT"), "longest wait for a tab before 503, e.g. 15s (env MNR_PDF_WAIT)")
	cache := fs.String("pdf-cache-mb", os.Getenv("MNR_PDF_CACHE_MB"), "megabytes of finished PDFs kept for repeat downloads (env MNR_PDF_CACHE_MB; default 32)")
	return func() (report.RendererConfig, error) {
		var cfg report.RendererConfig
		var err error
		if cfg.Tabs, err = positive("pdf-tabs", *tabs); err != nil {
			return cfg, err
		}
		if cfg.Queue, err = positive("pdf-queue", *queue); err != nil {
			return cfg, err
		}
		mb, err := positive("pdf-cache-mb", *cache)
		if err != nil {
			return cfg, err
		}
		cfg.CacheBytes = int64(mb) << 20
		if *wait != "" {
			// A wait, plus a render of up to 45 s, must end before the
			// server's 120 s write timeout cuts the answer.
			if cfg.Wait, err = time.ParseDuration(*wait); err != nil || cfg.Wait <= 0 || cfg.Wait > maxPDFWait {
				return cfg, fmt.Errorf("-pdf-wait (MNR_PDF_WAIT) %q: give a duration from 1s to %s, such as 15s", *wait, maxPDFWait)
			}
		}
		return cfg, nil
	}
}

// positive parses a whole number of at least 1; "" is 0, the default.
func positive(name, v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("-%s %q: give a whole number of at least 1", name, v)
	}
	return n, nil
}
