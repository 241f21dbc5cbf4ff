package main

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"
)

// pdfSettings is the part of the renderer's settings the flags set.
type pdfSettings struct {
	Tabs, Queue int
	Wait        time.Duration
	CacheBytes  int64
}

// parsePDFFlags reads the PDF flags of serve from args and the environment.
func parsePDFFlags(t *testing.T, args ...string) (pdfSettings, error) {
	t.Helper()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	read := pdfFlags(fs)
	if err := fs.Parse(args); err != nil {
		return pdfSettings{}, err
	}
	cfg, err := read()
	return pdfSettings{cfg.Tabs, cfg.Queue, cfg.Wait, cfg.CacheBytes}, err
}

func TestPDFFlags(t *testing.T) {
	t.Setenv("MNR_PDF_TABS", "3")
	t.Setenv("MNR_PDF_WAIT", "20s")
	got, err := parsePDFFlags(t, "-pdf-queue", "4", "-pdf-cache-mb", "8")
	if err != nil || got != (pdfSettings{3, 4, 20 * time.Second, 8 << 20}) {
		t.Errorf("from environment and flags: %+v, %v", got, err)
	}
	if got, err := parsePDFFlags(t, "-pdf-tabs", "1"); err != nil || got.Tabs != 1 {
		t.Errorf("a flag overrides the environment: %+v, %v", got, err)
	}
	for _, bad := range [][]string{{"-pdf-tabs", "0"}, {"-pdf-queue", "many"}, {"-pdf-wait", "5m"}, {"-pdf-wait", "soon"}} {
		if _, err := parsePDFFlags(t, bad...); err == nil || !strings.Contains(err.Error(), bad[0]) {
			t.Errorf("%v: err = %v, want one naming the flag", bad, err)
		}
	}
}
