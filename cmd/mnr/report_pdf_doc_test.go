package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/export"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// demoServer loads the demo into a new database and returns the command
// line's exporter, which prints PDFs, or skips where Chromium or pdftotext is missing (CI has
// both, and fails instead).
func demoServer(t *testing.T) *export.Exporter {
	t.Helper()
	chrome := report.ChromePath()
	_, errText := exec.LookPath("pdftotext")
	if chrome == "" || errText != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium or pdftotext missing in CI")
		}
		t.Skip("chromium or pdftotext not installed: printed report not checked")
	}
	ctx := context.Background()
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
	db, err := m.open(ctx, filepath.Join(t.TempDir(), "mnr.db"))
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := framework.Default()
	if err := loadDemo(ctx, db, fw); err != nil {
		t.Fatal(err)
	}
	ex, err := export.New(db, chrome)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// pdfPages prints a report and returns the text of each page (pdftotext
// ends every page with a form feed).
func pdfPages(t *testing.T, srv *export.Exporter, id int64, lang string, short bool) []string {
	t.Helper()
	var pdf bytes.Buffer
	// A busy machine can take longer than the renderer allows for
	// Chromium to start; starting is tried again, printing is not.
	var err error
	for try := 0; try < 3; try++ {
		pdf.Reset()
		if err = srv.Report(context.Background(), id, "pdf", lang, short, &pdf); err == nil || !strings.Contains(err.Error(), "start chromium") {
			break
		}
		t.Logf("assessment %d %s: %v; trying again", id, lang, err)
	}
	if err != nil {
		t.Fatalf("assessment %d %s: %v", id, lang, err)
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = &pdf
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// squeeze drops all white space, so words a narrow cell wrapped still match.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// TestDemoPrintedReport: the demo's 2026 draft says DRAFT on every page of
// its PDF, with its marking; the approved 2025 report says it nowhere. No
// table is cut off: the text of every table header is in the PDF.
func TestDemoPrintedReport(t *testing.T) {
	srv := demoServer(t)
	draft := pdfPages(t, srv, 2, "en", false)
	if len(draft) < 10 {
		t.Fatalf("the 2026 report has %d pages", len(draft))
	}
	for i, p := range draft {
		if !strings.Contains(p, "DRAFT — not approved") {
			t.Errorf("draft page %d of %d lacks the DRAFT mark", i+1, len(draft))
		}
		if !strings.Contains(p, "Internal") {
			t.Errorf("draft page %d lacks the marking", i+1)
		}
	}
	all := squeeze(strings.Join(draft, " "))
	page, err := srv.ReportHTML(context.Background(), 2, "en", false)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(page))
	headers := 0
	doc.Find("table thead th").Each(func(_ int, s *goquery.Selection) {
		headers++
		// A header a narrow column wraps comes out line by line, between
		// its neighbours' words: each of its words must be there.
		for _, w := range strings.Fields(s.Text()) {
			if !strings.Contains(all, w) {
				t.Errorf("table %s: header %q: %q is not in the PDF's text (cut off?)", s.Closest("table").AttrOr("id", s.Closest("table").AttrOr("class", "")), s.Text(), w)
			}
		}
	})
	if headers < 20 {
		t.Errorf("only %d table headers found", headers)
	}
	approved := pdfPages(t, srv, 1, "en", false)
	for i, p := range approved {
		if strings.Contains(p, "DRAFT") {
			t.Errorf("approved report page %d says DRAFT", i+1)
		}
	}
}

// TestShortReportPages: the short version of a national report (21
// capabilities) is at most 8 A4 pages in every language.
func TestShortReportPages(t *testing.T) {
	srv := demoServer(t)
	for _, lang := range []string{"en", "ar", "fr", "es"} {
		pages := pdfPages(t, srv, 2, lang, true)
		t.Logf("short version, %s: %d pages", lang, len(pages))
		if len(pages) > 8 {
			t.Errorf("short version in %s: %d pages, want at most 8", lang, len(pages))
		}
	}
}
