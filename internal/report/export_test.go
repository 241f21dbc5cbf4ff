package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"":            "",
		"plain":       "plain",
		"=1+1":        "'=1+1",
		"+44 20":      "'+44 20",
		"-2":          "'-2",
		"@SUM(A1)":    "'@SUM(A1)",
		"\tx":         "'\tx",
		"\rx":         "'\rx",
		" =not first": " =not first",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVRoundTrip(t *testing.T) {
	r := fixtureReport(t, false)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(recs) != indicatorsInScope(r)+1 {
		t.Fatalf("%d rows, want %d indicators + header", len(recs), indicatorsInScope(r))
	}
	if strings.Join(recs[0], ",") != strings.Join(answerColumns, ",") {
		t.Errorf("header = %v", recs[0])
	}
	col := func(name string) int {
		for i, c := range recs[0] {
			if c == name {
				return i
			}
		}
		t.Fatalf("no column %q", name)
		return -1
	}
	ind, ans, ev, note, links := col("Indicator key"), col("Answer"), col("Evidence"), col("Note"), col("Links")
	conf, upd := col("Confirmed phase"), col("Updated at")
	byKey := map[string][]string{}
	for _, rec := range recs[1:] {
		if len(rec) != len(answerColumns) {
			t.Fatalf("row has %d cells", len(rec))
		}
		byKey[rec[ind]] = rec
	}
	for _, a := range r.Annex {
		rec := byKey[a.Key]
		if rec == nil {
			t.Fatalf("no row for %s", a.Key)
		}
		if rec[ans] != string(a.Value) || rec[ev] != SafeCell(a.Evidence) || rec[note] != SafeCell(a.Note) ||
			rec[links] != strings.Join(a.Links, LinkSeparator) {
			t.Errorf("%s: row %q does not match answer %+v", a.Key, rec, a.IndicatorLine)
		}
	}
	first := byKey["leadership-1"]
	if first[ev] != "'"+formula {
		t.Errorf("formula evidence came back as %q, want quote-prefixed", first[ev])
	}
	if first[upd] != "2026-03-14T09:30:00Z" {
		t.Errorf("updated at = %q", first[upd])
	}
	if got := byKey["leadership-2"][links]; got != "https://example.gov/tor.pdf | https://example.gov/minutes.pdf" {
		t.Errorf("links = %q", got)
	}
	// Not assessed: confirmed phase empty, never 0.
	le := r.Capability("law-enforcement").Indicators[0].Key
	if got := byKey[le][conf]; got != "" {
		t.Errorf("not-assessed confirmed phase = %q, want empty", got)
	}
	if got := byKey[le][col("Lead")]; got != "'-Police cybercrime unit" {
		t.Errorf("lead = %q", got)
	}
	if got := byKey["leadership-1"][conf]; got != "2" {
		t.Errorf("leadership confirmed phase = %q", got)
	}
}

func TestXLSX(t *testing.T) {
	r := fixtureReport(t, true)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Capabilities,Enablers,Answers,Action plan,Evidence files" {
		t.Fatalf("sheets = %s", got)
	}
	rows := func(sheet string) [][]string {
		rs, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		return rs
	}
	caps := rows(SheetCapabilities)
	if len(caps) != len(r.Capabilities)+1 {
		t.Errorf("Capabilities has %d rows, want %d", len(caps), len(r.Capabilities)+1)
	}
	if caps[4][3] != "Not assessed" || caps[1][3] != "2" {
		t.Errorf("phase cells: law enforcement %q leadership %q", caps[4][3], caps[1][3])
	}
	ans := rows(SheetAnswers)
	if len(ans) != indicatorsInScope(r)+1 {
		t.Errorf("Answers has %d rows, want %d", len(ans), indicatorsInScope(r)+1)
	}
	// Text cells hold the text as written: typed as text (a shared
	// string, never a formula) instead of a visible apostrophe.
	for _, c := range []struct{ sheet, cell, want string }{
		{SheetAnswers, "J2", formula},
		{SheetCapabilities, "I5", "-Police cybercrime unit"},
	} {
		v, _ := f.GetCellValue(c.sheet, c.cell)
		typ, _ := f.GetCellType(c.sheet, c.cell)
		fm, _ := f.GetCellFormula(c.sheet, c.cell)
		style, _ := f.GetCellStyle(c.sheet, c.cell)
		xf, _ := f.GetStyle(style)
		if v != c.want || typ != excelize.CellTypeSharedString || fm != "" || xf == nil || xf.NumFmt != numFmtText {
			t.Errorf("%s!%s = %q (type %v, formula %q, style %+v), want the text %q typed as text", c.sheet, c.cell, v, typ, fm, xf, c.want)
		}
	}
	sum := rows(SheetSummary)
	// 8 cover rows, blank, header + 3 domains + overall, blank, "Summary" + sentences.
	if want := 8 + 1 + 5 + 1 + 1 + len(r.Summary); len(sum) != want {
		t.Errorf("Summary has %d rows, want %d", len(sum), want)
	}
	if sum[0][1] != fixtureOrg.Name {
		t.Errorf("A1:B1 = %v", sum[0])
	}
	panes, err := f.GetPanes(SheetAnswers)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("answers panes = %+v, %v", panes, err)
	}
}

func TestJSON(t *testing.T) {
	r := fixtureReport(t, true)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got ReportJSON
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	if got.SchemaVersion != 1 || got.Organisation.Country != "JO" || got.Assessment.ID != 7 || len(got.Summary) == 0 {
		t.Errorf("header = %+v", got)
	}
	n := 0
	answers := map[string]IndicatorJSON{}
	for _, d := range got.Domains {
		for _, c := range d.Capabilities {
			for _, in := range c.Indicators {
				answers[in.Key] = in
				n++
			}
		}
	}
	if n != indicatorsInScope(r) {
		t.Errorf("%d indicators, want %d", n, indicatorsInScope(r))
	}
	for _, a := range r.Annex {
		j := answers[a.Key]
		if j.Answer != string(a.Value) || j.Evidence != a.Evidence || j.Note != a.Note || len(j.Links) != len(a.Links) {
			t.Errorf("%s: json %+v, answer %+v", a.Key, j, a.IndicatorLine)
		}
	}
	if answers["leadership-1"].Evidence != formula {
		t.Error("JSON must carry text verbatim, without the spreadsheet quote")
	}
	if got.Previous == nil || len(got.Previous.MovedUp) != 1 || len(got.Previous.Slipped) != 1 {
		t.Errorf("previous = %+v", got.Previous)
	}
	var raw map[string]any
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if raw["schema_version"] != float64(1) {
		t.Errorf("schema_version = %v", raw["schema_version"])
	}
	res := got.Domains[0].Capabilities[1]
	if res.State.ConfirmedPhase == nil || *res.State.ConfirmedPhase != 2 || res.State.SuggestedPhase != 1 || res.State.Version != 3 {
		t.Errorf("research state = %+v", res.State)
	}
}

func TestSummaryJSON(t *testing.T) {
	r := fixtureReport(t, false)
	b, err := json.Marshal(r.SummaryJSON())
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"schema_version":1`, `"scores":{`, `"summary":[`, `"mean_phase":1.8`} {
		if !strings.Contains(s, want) {
			t.Errorf("summary JSON lacks %s", want)
		}
	}
	if strings.Contains(s, `"indicators"`) || strings.Contains(s, `"previous"`) {
		t.Error("summary JSON carries answers or an empty previous cycle")
	}
}
