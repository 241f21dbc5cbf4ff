package workbook

import (
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// FuzzParseWorkbook feeds the parser arbitrary files: whatever the bytes,
// it returns a workbook or an error, never panics, and a workbook it
// accepts compares against the assessment without error or with a domain
// error. Inputs that once crashed it are kept in testdata/fuzz.
func FuzzParseWorkbook(f *testing.F) {
	d := fixture(f)
	good := export(f, d, "en")
	f.Add(good)
	f.Add(small(f))
	f.Add(export(f, d, "ar"))
	f.Add([]byte("PK\x03\x04"))
	f.Add(zipOf(f, map[string][]byte{"xl/workbook.xml": []byte("<workbook/>")}))
	f.Add(zipOf(f, map[string][]byte{"[Content_Types].xml": []byte(`<?xml version="1.0"?><Types/>`), "xl/workbook.xml": []byte(`<workbook><sheets><sheet name="mnr" sheetId="1" r:id="rId1"/></sheets></workbook>`)}))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data, testKey)
		if err != nil {
			return
		}
		if err := CheckTarget(p, Target{AssessmentID: 7}, d.Framework.Version); err != nil {
			return
		}
		_, _ = Compare(p, d)
	})
}

// small is a workbook of one capability: a seed the fuzzer mutates quickly.
func small(f *testing.F) []byte {
	d := fixture(f)
	d.Domains, d.Capabilities = d.Domains[:1], d.Capabilities[:1]
	d.Domains[0].Capabilities = d.Capabilities
	return export(f, d, "en")
}

// FuzzWorkbookCells puts arbitrary text in the input cells of a genuine,
// signed workbook: reading and comparing it returns a preview or a domain
// error, never a panic, and never a value outside the drop-down lists.
func FuzzWorkbookCells(f *testing.F) {
	d := fixture(f)
	d.Domains, d.Capabilities = d.Domains[:1], d.Capabilities[:1]
	d.Domains[0].Capabilities = d.Capabilities
	good := export(f, d, "en")
	ind := d.Capabilities[0].Capability.Indicators[0]
	sheet, row := cellOf(f, good, kindAnswer, ind.Key)
	_, jrow := cellOf(f, good, kindJudgement, d.Capabilities[0].Capability.Key)
	f.Add("Yes", "Decree", "", "2", "Ministry")
	f.Add("Not applicable", "", "", "9", "\u202e")
	f.Add("yes", "a\r\nb", "\x00", "2 – Developing", "")
	f.Fuzz(func(t *testing.T, answer, evidence, note, phase, lead string) {
		data := edit(t, good, func(x *excelize.File) {
			r := strconv.Itoa(row)
			x.SetCellStr(sheet, "E"+r, answer)
			x.SetCellStr(sheet, "F"+r, evidence)
			x.SetCellStr(sheet, "G"+r, note)
			x.SetCellStr(sheet, "E"+strconv.Itoa(jrow), phase)
			x.SetCellStr(sheet, "E"+strconv.Itoa(jrow+4), lead)
		})
		p, err := Parse(data, testKey)
		if err != nil {
			if _, ok := assessment.AsError(err); !ok {
				t.Fatalf("not a domain error: %v", err)
			}
			return
		}
		pv, err := Compare(p, d)
		if err != nil {
			return
		}
		for _, a := range pv.Answers {
			if !a.Value.Valid() {
				t.Fatalf("value %q outside the list", a.Value)
			}
		}
	})
}
