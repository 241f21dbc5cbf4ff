package workbook

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Enablers in the assessment get a sheet of their own and come back like
// capabilities.
func TestEnablersSheet(t *testing.T) {
	d := fixture(t)
	if len(d.Enablers) == 0 {
		t.Fatal("the assessment of framework 2026.2 holds no enablers")
	}
	e := d.Enablers[0].Capability

	data := export(t, d, "en")
	f, _ := excelize.OpenReader(bytes.NewReader(data))
	list := f.GetSheetList()
	if list[len(list)-2] != "Enablers" {
		t.Fatalf("sheets: %v", list)
	}
	sheet, row := cellOf(t, data, kindAnswer, e.Indicators[0].Key)
	if sheet != "Enablers" {
		t.Fatalf("enabler indicator on %q", sheet)
	}
	if n, _ := f.GetCellValue(sheet, "A"+strconv.Itoa(row)); n != e.Label()+".1" && n != assessment.IndicatorNumber(e.Indicators[0]) {
		t.Errorf("number %q", n)
	}
	data = edit(t, data, func(f *excelize.File) { f.SetCellStr(sheet, "E"+strconv.Itoa(row), "Yes") })
	p, err := Parse(data, testKey)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := Compare(p, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Answers) != 1 || pv.Answers[0].IndicatorKey != e.Indicators[0].Key || pv.Answers[0].CapabilityKey != e.Key {
		t.Fatalf("preview: %+v", pv.Answers)
	}
}
