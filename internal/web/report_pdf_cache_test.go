package web_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/report"
)

// A repeat export, by the same reader or another one of the same version,
// comes from the cache: the same bytes, no render. A saved answer makes a
// new version, printed again with the change.
func TestPDFExportCache(t *testing.T) {
	f, id := pdfFixture(t, report.RendererConfig{})
	r := f.srv.PDFRenderer()
	owner, viewer := f.token(f.owner), f.token(f.viewer)

	first := f.exportPDF(owner, id)
	if !first.isPDF() {
		t.Fatalf("first export: %d %s", first.status, first.body)
	}
	for _, tok := range []string{owner, viewer} {
		again := f.exportPDF(tok, id)
		if !bytes.Equal(again.body, first.body) {
			t.Fatalf("repeat export differs from the first (%d bytes, status %d)", len(again.body), again.status)
		}
	}
	if s := r.Stats(); s.Renders != 1 || s.CacheHits != 2 {
		t.Fatalf("after two repeats: %d renders, %d cache hits; want 1 and 2", s.Renders, s.CacheHits)
	}

	w := f.api(owner, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", id),
		map[string]any{"answer": "yes", "evidence": "Decree 77/2026 on the national response", "note": "", "version": 0})
	if w.Status != 200 {
		t.Fatalf("save: %d %s", w.Status, w.Raw)
	}
	changed := f.exportPDF(viewer, id)
	if !changed.isPDF() || bytes.Equal(changed.body, first.body) {
		t.Fatalf("export after a save: status %d, same bytes %v", changed.status, bytes.Equal(changed.body, first.body))
	}
	if s := r.Stats(); s.Renders != 2 {
		t.Errorf("after a save: %d renders, want 2", s.Renders)
	}
	if text := pdfText(t, changed.body); text != "" && !strings.Contains(text, "Decree 77/2026") {
		t.Error("the new answer's evidence is not in the new PDF")
	}
}

var bboxLine = regexp.MustCompile(`<line xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)"`)

// An Arabic reader's PDF runs right to left: the lines of its first page
// end at the right margin (an English one's start at the left margin), and
// the running footer reads "صفحة 1 من N".
func TestPDFExportArabicRightToLeft(t *testing.T) {
	f, id := pdfFixture(t, report.RendererConfig{})
	ar := f.exportPDF(f.viewerIn("qari@example.org", "ar"), id)
	en := f.exportPDF(f.token(f.viewer), id)
	if !ar.isPDF() || !en.isPDF() {
		t.Fatalf("exports: %d, %d", ar.status, en.status)
	}
	text := bidiControls.Replace(pdfText(t, ar.body))
	if text == "" {
		return // pdftotext missing (allowed outside CI): nothing more to read
	}
	if !arabicFooter.MatchString(text) {
		t.Errorf("Arabic footer missing from the PDF:\n%s", text[:min(len(text), 2000)])
	}
	if right, left := marginLines(t, ar.body); right < 5 || right < 3*left {
		t.Errorf("Arabic page 1: %d lines end at the right margin, %d start at the left one; want right to left", right, left)
	}
	if right, left := marginLines(t, en.body); left < 5 || left < 3*right {
		t.Errorf("English page 1: %d lines end at the right margin, %d start at the left one; want left to right", right, left)
	}
}

// arabicFooter is "صفحة 1 من N" as pdftotext gives it: in visual order
// within each run, so the spaces around the number move.
var arabicFooter = regexp.MustCompile(`صفحة\s*1\s*من\s*[0-9]+`)

// bidiControls are the direction marks pdftotext puts around runs.
var bidiControls = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "", "\u200e", "", "\u200f", "")

// marginLines counts the text lines of page 1, between the running header
// and footer, that end at the right margin and that start at the left one.
func marginLines(t *testing.T, pdf []byte) (right, left int) {
	t.Helper()
	cmd := exec.Command("pdftotext", "-bbox-layout", "-f", "1", "-l", "1", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	const width, margin = 595.92, 43.2 // A4 and 0.6 in, in points
	for _, m := range bboxLine.FindAllStringSubmatch(string(out), -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		if y0 < 40 || y0 > 800 {
			continue
		}
		if x1 >= width-margin-8 {
			right++
		}
		if x0 <= margin+8 {
			left++
		}
	}
	return right, left
}
