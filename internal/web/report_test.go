package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/export"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// answerAll answers every indicator of the assessment so that each
// capability's suggested phase is phases[key] (default 1), and confirms it.
func (f *fixture) answerAll(a assessment.Assessment, phases map[string]int, evidence string) {
	f.t.Helper()
	ctx := context.Background()
	_, _, states, answers, err := f.db.AssessmentContent(ctx, a.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	versions := map[string]int{}
	for _, an := range answers {
		versions[an.IndicatorKey] = an.Version
	}
	for _, st := range states {
		c := f.fw.Assessable(st.CapabilityKey)
		p, ok := phases[c.Key]
		if !ok {
			p = 1
		}
		var batch []assessment.Answer
		for _, in := range c.Indicators {
			v := assessment.No
			if in.Phase <= p {
				v = assessment.Yes
			}
			batch = append(batch, assessment.Answer{AssessmentID: a.ID, IndicatorKey: in.Key, CapabilityKey: c.Key, Value: v,
				Evidence: evidence, Note: "note " + in.Key, Version: versions[in.Key]})
		}
		target := p + 1
		if target > 4 {
			target = 4
		}
		state := &assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: c.Key, Confirmed: &p, Target: &target,
			Priority: assessment.PriorityMedium, Lead: "Lead of " + c.Key, Version: st.Version}
		if _, _, err := f.db.SaveCapabilityForm(ctx, assessment.Actor{Name: "Tester"}, batch, state); err != nil {
			f.t.Fatal(err)
		}
	}
}

// twoCycles: an approved 2025 cycle and a 2026 cycle where leadership moved
// up and legislation slipped.
func twoCycles(t testing.TB) (*fixture, assessment.Assessment, assessment.Assessment) {
	f := newFixture(t)
	old := f.assessment(f.org, nil)
	f.answerAll(old, map[string]int{"leadership": 1, "legislation": 3}, "old evidence")
	if err := f.db.SetStatus(context.Background(), assessment.System, old.ID, assessment.StatusApproved); err != nil {
		t.Fatal(err)
	}
	// f.assess was created first; give the new cycle a later period.
	cur := f.assessment(f.org, nil)
	f.answerAll(cur, map[string]int{"leadership": 3, "legislation": 2}, `<script>alert("x")</script>`)
	return f, old, cur
}

func TestReportPage(t *testing.T) {
	f, _, cur := twoCycles(t)
	b := f.login(f.viewer.Email)
	res, doc := b.get(fmt.Sprintf("/assessments/%d/report", cur.ID))
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if got := doc.Find("#cover-organisation").Text(); got != f.org.Name {
		t.Errorf("cover organisation = %q", got)
	}
	// 19 capabilities at phase 1, leadership 3, legislation 2: mean 24/21 = 1.1.
	if got := doc.Find("#overall-mean").Text(); got != "1.1" {
		t.Errorf("mean phase = %q, want 1.1", got)
	}
	// Rounded down, with its count and total: 1/21 is 4.8%.
	if got := doc.Find("#overall-established").Text(); got != "1 of 21 (4%)" {
		t.Errorf("share at Established = %q, want 1 of 21 (4%%)", got)
	}
	row := doc.Find(`#capability-table tr[data-capability="leadership"]`)
	if got := strings.TrimSpace(row.Find(".phase").Text()); got != "3 · Established" {
		t.Errorf("leadership phase = %q", got)
	}
	if got := strings.TrimSpace(row.Find(".target").Text()); got != "4 · Mature" {
		t.Errorf("leadership target = %q", got)
	}
	if got := strings.TrimSpace(row.Find(".gap").Text()); got != "1" {
		t.Errorf("leadership gap = %q", got)
	}
	if got := strings.TrimSpace(row.Find(".previous").Text()); got != "1" {
		t.Errorf("leadership previous = %q", got)
	}
	if got := doc.Find(`#moved-up li[data-capability]`).Length(); got != 1 {
		t.Errorf("moved up = %d, want 1", got)
	}
	if got := doc.Find(`#slipped li[data-capability="legislation"]`).Text(); !strings.Contains(got, "3 → 2") {
		t.Errorf("slipped = %q", got)
	}
	summary := doc.Find("#summary").Text()
	for _, want := range []string{"Moved up since 2026", "Leadership", "Slipped"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q: %s", want, summary)
		}
	}
	if n := doc.Find("section.report-domain").Length(); n != 6 {
		t.Errorf("domain sections = %d", n)
	}
	// Next steps of leadership (phase 3) are its phase-4 indicators.
	steps := doc.Find("#cap-leadership .next-steps li")
	if steps.Length() != len(f.fw.Capability("leadership").IndicatorsByPhase(4)) {
		t.Errorf("leadership next steps = %d", steps.Length())
	}
	if doc.Find("#cap-leadership .recs li").Length() != 2 {
		t.Error("leadership recommendations missing")
	}
	// Charts are inline SVG with text alternatives, and text is escaped.
	if doc.Find("figure.chart svg[role=img] title").Length() < 2 {
		t.Error("charts lack a title")
	}
	if doc.Find(".annex-table tr[data-indicator]").Length() != capabilityIndicators(f.fw) {
		t.Errorf("annex rows = %d", doc.Find(".annex-table tr[data-indicator]").Length())
	}
	if got := doc.Find(`.annex-table tr[data-indicator="leadership-1"] .evidence`).Text(); got != `<script>alert("x")</script>` {
		t.Errorf("evidence not shown as text: %q", got)
	}
	if doc.Find("script:not([src])").Length() != 0 {
		t.Error("an inline script reached the page")
	}
	// Other organisations cannot read it.
	o := f.login(f.outsider.Email)
	if res, _ := o.get(fmt.Sprintf("/assessments/%d/report", cur.ID)); res.StatusCode != 404 {
		t.Errorf("outsider: %d", res.StatusCode)
	}
}

func TestReportExports(t *testing.T) {
	f, _, cur := twoCycles(t)
	tok := f.token(f.viewer)
	get := func(path string) []byte {
		req, _ := http.NewRequest("GET", f.ts.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, res.StatusCode, body)
		}
		if !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment;") {
			t.Errorf("%s: no attachment header", path)
		}
		return body
	}
	base := fmt.Sprintf("/api/v1/assessments/%d/export.", cur.ID)

	rows, err := csv.NewReader(bytes.NewReader(get(base + "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := capabilityIndicators(f.fw) + enablerIndicators(f.fw) + 1; len(rows) != want {
		t.Fatalf("csv rows = %d, want %d (capabilities', enablers', header)", len(rows), want)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	found := false
	for _, r := range rows[1:] {
		if r[col["Indicator key"]] == "leadership-1" {
			found = true
			if r[col["Answer"]] != "yes" || r[col["Evidence"]] != `<script>alert("x")</script>` || r[col["Note"]] != "note leadership-1" {
				t.Errorf("csv row = %v", r)
			}
		}
	}
	if !found {
		t.Errorf("csv lacks leadership-1; header %v", rows[0])
	}

	x, err := excelize.OpenReader(bytes.NewReader(get(base + "xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(x.GetSheetList(), ","); got != "Summary,Capabilities,Enablers,Answers,Action plan,Evidence files" {
		t.Errorf("sheets = %s", got)
	}
	if caps, _ := x.GetRows("Capabilities"); len(caps) != 22 {
		t.Errorf("capability rows = %d", len(caps))
	}
	if ans, _ := x.GetRows("Answers"); len(ans) != capabilityIndicators(f.fw)+enablerIndicators(f.fw)+1 {
		t.Errorf("answer rows = %d", len(ans))
	}

	var js map[string]any
	if err := json.Unmarshal(get(base+"json"), &js); err != nil {
		t.Fatal(err)
	}
	if js["schema_version"].(float64) != 1 {
		t.Errorf("schema_version = %v", js["schema_version"])
	}
	if !strings.Contains(fmt.Sprint(js), "note leadership-1") {
		t.Error("json lacks the notes")
	}

	r := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d/report", cur.ID), nil)
	if r.Status != 200 || !strings.Contains(string(r.Raw), `"summary"`) {
		t.Fatalf("report json: %d %s", r.Status, r.Raw)
	}
}

var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

func TestReportPDF(t *testing.T) {
	chrome := report.ChromePath()
	if chrome == "" {
		t.Skip("chromium not installed: PDF rendering not tested (CI installs it)")
	}
	f := newFixture(t)
	f.answerAll(f.assess, nil, "evidence")
	ex, err := export.New(f.db, chrome) // the command line's export, beside the server
	if err != nil {
		t.Fatal(err)
	}
	before := chromiumBelow(os.Getpid())
	var buf bytes.Buffer
	if err := ex.Report(context.Background(), f.assess.ID, "pdf", "en", false, &buf); err != nil {
		t.Fatal(err)
	}
	for pid := range chromiumBelow(os.Getpid()) { // the one-shot renderer is closed: its browser is gone
		if _, old := before[pid]; !old {
			t.Errorf("Chromium process %d outlives the export", pid)
		}
	}
	pdf := buf.Bytes()
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatal("not a PDF")
	}
	if n := len(pageObject.FindAll(pdf, -1)); n < 2 {
		t.Errorf("PDF has %d pages, want more than one", n)
	}
	// The cover text is in the PDF (as text: ask Chromium's text layer).
	text := pdfText(t, pdf)
	if text != "" && !strings.Contains(text, f.org.Name) {
		t.Errorf("cover text missing from the PDF")
	}
}

// pdfText extracts the PDF's text with poppler's pdftotext (CI installs
// poppler-utils); without it the text check is skipped, with a log line.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext missing in CI")
		}
		t.Log("pdftotext not installed: PDF text not checked")
		return ""
	}
	cmd := exec.Command(bin, "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
