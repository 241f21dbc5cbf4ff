package workbook

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Write writes the workbook of src to w, signing its hidden sheet with
// key (the server's workbook key, so that only this installation's
// workbooks are accepted back and an edited hidden sheet is noticed).
func Write(w io.Writer, src Source, key []byte, now time.Time) error {
	if len(key) == 0 {
		return fmt.Errorf("workbook: no signing key")
	}
	f := excelize.NewFile()
	defer f.Close()
	tr := i18n.Default().For(src.Lang)
	b := &builder{f: f, tr: tr, src: src, lists: newLists(tr, src.Detail.Framework),
		meta: meta{Target: src.Target, Framework: src.Detail.Framework.Version, Lang: tr.Lang.Code}}
	if err := b.styles(); err != nil {
		return err
	}
	if err := b.instructions(now); err != nil {
		return err
	}
	for _, g := range groups(src.Detail, tr) {
		if err := b.sheet(g); err != nil {
			return fmt.Errorf("workbook sheet %s: %w", g.key, err)
		}
	}
	if err := b.writeMeta(key); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// builder carries what the sheets share while a workbook is written.
type builder struct {
	f     *excelize.File
	tr    *i18n.Translator
	src   Source
	lists lists
	meta  meta
	style struct{ title, header, text, capability, input, inputText int }
}

func (b *builder) styles() error {
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	unlocked := &excelize.Protection{Locked: false}
	defs := []struct {
		dst *int
		s   excelize.Style
	}{
		{&b.style.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.style.header, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrap, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}}},
		{&b.style.text, excelize.Style{Alignment: wrap, Border: border}},
		{&b.style.capability, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrap, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}},
		{&b.style.input, excelize.Style{Alignment: wrap, Border: border, Protection: unlocked,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}}},
		{&b.style.inputText, excelize.Style{Alignment: wrap, Border: border, Protection: unlocked, NumFmt: 49,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}}},
	}
	for _, d := range defs {
		id, err := b.f.NewStyle(&d.s)
		if err != nil {
			return fmt.Errorf("workbook style: %w", err)
		}
		*d.dst = id
	}
	return nil
}

// protect locks every cell of a sheet but the unlocked input cells, and
// lays it out in the workbook language's direction.
func (b *builder) protect(name string) error {
	rtl := b.tr.Dir() == "rtl"
	if err := b.f.SetSheetView(name, -1, &excelize.ViewOptions{RightToLeft: &rtl}); err != nil {
		return err
	}
	return b.f.ProtectSheet(name, &excelize.SheetProtectionOptions{FormatColumns: true, FormatRows: true,
		SelectLockedCells: true, SelectUnlockedCells: true})
}

// instructions is the first sheet: what the workbook is and how to fill it.
func (b *builder) instructions(now time.Time) error {
	name := sheetName(b.tr.T("WbSheetInstructions"), nil)
	if err := b.f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	d, tr := b.src.Detail, b.tr
	title := tr.T("WbTitleAssessment", "Title", d.Assessment.Title, "Period", d.Assessment.Period, "Organisation", d.Organisation.Name)
	if b.src.Target.Contribution() {
		title = tr.T("WbTitleContribution", "Title", d.Assessment.Title, "Period", d.Assessment.Period, "Agency", d.Organisation.Name)
	}
	lines := []string{title, tr.T("WbExported", "Date", tr.DateTime(now), "Version", d.Framework.Version), ""}
	for _, id := range []string{"WbInstr1", "WbInstr2", "WbInstr3", "WbInstr4", "WbInstr5"} {
		lines = append(lines, tr.T(id))
	}
	if b.src.Judgements {
		lines = append(lines, tr.T("WbInstrPhases"))
	}
	lines = append(lines, "", tr.T("WbScaleHeading"))
	for _, p := range d.Framework.Scale {
		lines = append(lines, fmt.Sprintf("%d – %s: %s", p.Number, p.Name.In(tr.Lang.Code), p.Description.In(tr.Lang.Code)))
	}
	_ = b.f.SetColWidth(name, "A", "A", 110)
	for i, l := range lines {
		ref := fmt.Sprintf("A%d", i+1)
		if err := b.f.SetCellStr(name, ref, l); err != nil {
			return err
		}
		style := b.style.text
		if i == 0 {
			style = b.style.title
		}
		_ = b.f.SetCellStyle(name, ref, ref, style)
	}
	return b.protect(name)
}
