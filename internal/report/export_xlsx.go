package report

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook.
const (
	SheetSummary      = "Summary"
	SheetCapabilities = "Capabilities"
	SheetAnswers      = "Answers"
)

var capabilityColumns = []string{
	"Number", "Capability", "Domain", "Phase", "Suggested phase", "Target phase", "Gap",
	"Priority", "Lead", "Evidence count", "Completion %", "Justification",
}

var domainColumns = []string{
	"Domain number", "Domain", "Capabilities", "Assessed", "Not assessed", "Mean phase", "Mean target",
	"Phase 0", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "Completion %",
}

// WriteXLSX writes the workbook: Summary (cover, domain table, overall
// figures, summary sentences), Capabilities, Enablers, Answers, Action plan
// and Evidence files. Text goes in as
// typed text cells, never as a formula, so it is shown exactly as written
// (a note "-3 cases" without a visible apostrophe); text that would start
// a formula if retyped also gets the Text number format, so editing the
// cell in a spreadsheet keeps it text.
func WriteXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsx{f: f}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("report xlsx: style: %w", err)
	}
	x.bold = bold
	if x.text, err = f.NewStyle(&excelize.Style{NumFmt: numFmtText}); err != nil {
		return fmt.Errorf("report xlsx: style: %w", err)
	}
	// Renaming the default sheet, rather than adding one, leaves no Sheet1.
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return fmt.Errorf("report xlsx: %w", err)
	}
	for _, name := range []string{SheetCapabilities, SheetEnablers, SheetAnswers} {
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("report xlsx: sheet %s: %w", name, err)
		}
	}
	x.summary(r)
	x.capabilities(r)
	x.enablers(r)
	x.answers(r)
	x.plan(r)
	x.files(r)
	if x.err != nil {
		return fmt.Errorf("report xlsx: %w", x.err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("report xlsx: write: %w", err)
	}
	return nil
}

// xlsx writes cells and keeps the first error, so the sheet builders read
// as a list of rows rather than a ladder of error checks.
type xlsx struct {
	f    *excelize.File
	bold int
	text int // the Text number format ("@")
	err  error
}

// numFmtText is the built-in number format "@": the cell holds text.
const numFmtText = 49

func (x *xlsx) do(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

// row writes vals into row n (1-based) from column A.
func (x *xlsx) row(sheet string, n int, vals ...any) {
	for i, v := range vals {
		cell, err := excelize.CoordinatesToCellName(i+1, n)
		if err != nil {
			x.do(err)
			return
		}
		switch v := v.(type) {
		case nil:
		case string:
			x.do(x.f.SetCellStr(sheet, cell, v))
			if SafeCell(v) != v { // would start a formula if typed in
				x.do(x.f.SetCellStyle(sheet, cell, cell, x.text))
			}
		case int:
			x.do(x.f.SetCellInt(sheet, cell, int64(v)))
		case float64:
			x.do(x.f.SetCellFloat(sheet, cell, v, 1, 64))
		default:
			x.do(fmt.Errorf("cell %s!%s: unsupported value %T", sheet, cell, v))
		}
	}
}

// table writes a bold header at row n followed by the rows, and puts an
// autofilter over the whole table.
func (x *xlsx) table(sheet string, n int, header []string, rows [][]any) {
	h := make([]any, len(header))
	for i, s := range header {
		h[i] = s
	}
	x.row(sheet, n, h...)
	first, _ := excelize.CoordinatesToCellName(1, n)
	last, _ := excelize.CoordinatesToCellName(len(header), n)
	x.do(x.f.SetCellStyle(sheet, first, last, x.bold))
	for i, r := range rows {
		x.row(sheet, n+1+i, r...)
	}
	end, _ := excelize.CoordinatesToCellName(len(header), n+len(rows))
	x.do(x.f.AutoFilter(sheet, first+":"+end, nil))
}

func (x *xlsx) freezeHeader(sheet string) {
	x.do(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
}

func (x *xlsx) widths(sheet string, widths ...float64) {
	for i, wd := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			x.do(err)
			return
		}
		x.do(x.f.SetColWidth(sheet, col, col, wd))
	}
}

func (x *xlsx) summary(r *Report) {
	const s = SheetSummary
	c := r.Cover
	cover := [][2]string{
		{"Organisation", c.Organisation}, {"Country", c.Country}, {"Assessment", c.Title},
		{"Period", c.Period}, {"Framework version", c.FrameworkVersion}, {"Status", c.StatusLabel},
		{"Generated", timeText(c.Generated)},
	}
	if r.Previous != nil {
		cover = append(cover, [2]string{"Previous cycle", r.Previous.Title + " (" + r.Previous.Period + ")"})
	}
	n := 1
	for _, kv := range cover {
		x.row(s, n, kv[0], kv[1])
		cell, _ := excelize.CoordinatesToCellName(1, n)
		x.do(x.f.SetCellStyle(s, cell, cell, x.bold))
		n++
	}
	n++
	var rows [][]any
	for _, d := range r.Domains {
		rows = append(rows, domainRow(d.Number, d.Name, d.Score.Capabilities, d.Score.Assessed, d.Score.NotAssessed,
			d.Score.Mean, d.Score.TargetMean, d.Score.PhaseCounts, d.Score.Completion))
	}
	o := r.Scores.Overall
	rows = append(rows, domainRow(0, "All capabilities in scope", o.Capabilities, o.Assessed, o.NotAssessed,
		o.Mean, o.TargetMean, o.PhaseCounts, o.Completion))
	rows[len(rows)-1][0] = nil
	x.table(s, n, domainColumns, rows)
	n += len(rows) + 2
	x.row(s, n, "Summary")
	cell, _ := excelize.CoordinatesToCellName(1, n)
	x.do(x.f.SetCellStyle(s, cell, cell, x.bold))
	for _, line := range r.Summary {
		n++
		x.row(s, n, nil, line)
	}
	x.widths(s, 18, 40, 13, 10, 13, 11, 11, 9, 9, 9, 9, 9, 13)
}

func domainRow(number int, name string, caps, assessed, notAssessed int, mean, target *float64, counts PhaseCounts, comp CompletionScore) []any {
	row := []any{number, name, caps, assessed, notAssessed, optFloat(mean), optFloat(target)}
	for _, k := range counts {
		row = append(row, k)
	}
	return append(row, comp.Percent)
}

// exportNotAssessed marks a missing phase in the exports, whose column
// headers stay in English so analysts' scripts read every language's file.
const exportNotAssessed = "Not assessed"

func optFloat(p *float64) any {
	if p == nil {
		return exportNotAssessed
	}
	return *p
}

func (x *xlsx) capabilities(r *Report) {
	const s = SheetCapabilities
	var rows [][]any
	for _, c := range r.Capabilities {
		var phase any = exportNotAssessed
		if c.Score.Phase != nil {
			phase = *c.Score.Phase
		}
		rows = append(rows, []any{
			c.Number, c.Name, c.DomainName, phase, c.Score.Suggested, optInt(c.Score.Target), c.Score.Gap,
			c.Score.Priority, c.Score.Lead, c.Score.Evidence, c.Score.Completion.Percent, c.Justification,
		})
	}
	x.table(s, 1, capabilityColumns, rows)
	x.freezeHeader(s)
	x.widths(s, 9, 50, 24, 13, 10, 10, 7, 10, 24, 10, 12, 50)
}

func (x *xlsx) answers(r *Report) {
	const s = SheetAnswers
	x.table(s, 1, answerColumns, answerRows(r))
	x.freezeHeader(s)
	x.widths(s, 9, 22, 11, 22, 40, 22, 9, 60, 10, 50, 40, 40, 10, 10, 40, 10, 10, 22, 18, 22, 50)
}
