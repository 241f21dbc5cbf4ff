package workbook

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// The answer changed online after the download: a different change to
// the same field is a conflict naming who saved it; a change to another
// field merges.
func TestConflictPreview(t *testing.T) {
	d := fixture(t)
	data := export(t, d, "en")
	caps := d.Framework.Capabilities()
	first, second := caps[0].Indicators[0], caps[0].Indicators[1]
	s1, r1 := cellOf(t, data, kindAnswer, first.Key)
	s2, r2 := cellOf(t, data, kindAnswer, second.Key)
	data = edit(t, data, func(f *excelize.File) {
		f.SetCellStr(s1, "E"+strconv.Itoa(r1), "No")
		f.SetCellStr(s2, "E"+strconv.Itoa(r2), "Yes")
	})
	// Online meanwhile: Karim answered the first Partly, and added
	// evidence to the second.
	when := time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)
	cd := d.Capability(caps[0].Key)
	a1 := cd.Answers[first.Key]
	a1.Value, a1.Version, a1.UpdatedBy, a1.UpdatedAt = assessment.Partly, 4, "Karim", when
	a2 := cd.Answers[second.Key]
	a2.Evidence, a2.Version, a2.UpdatedBy, a2.UpdatedAt = "Training register 2025", 2, "Karim", when
	cd.Apply([]assessment.Answer{a1, a2}, nil)

	p, err := Parse(data, testKey)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := Compare(p, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Conflicts) != 1 || len(pv.New) != 1 || len(pv.Changed) != 0 {
		t.Fatalf("preview: new %d changed %d conflicts %d", len(pv.New), len(pv.Changed), len(pv.Conflicts))
	}
	c := pv.Conflicts[0]
	if c.Key != first.Key || c.ChangedBy != "Karim" || c.ChangedAt == nil || !c.ChangedAt.Equal(when) ||
		c.Yours[assessment.FieldAnswer] != "no" || c.Online[assessment.FieldAnswer] != "partly" || c.Number != "1.1" {
		t.Fatalf("conflict: %+v", c)
	}
	if len(pv.Answers) != 1 || pv.Answers[0].IndicatorKey != second.Key || pv.Answers[0].Version != 1 {
		t.Fatalf("writes: %+v", pv.Answers)
	}
}

// An Arabic workbook reads right to left on every sheet.
func TestArabicRightToLeft(t *testing.T) {
	d := fixture(t)
	data := export(t, d, "ar")
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	names := f.GetSheetList()
	if len(names) < 3 {
		t.Fatalf("sheets: %v", names)
	}
	for _, n := range names {
		if n == metaSheet {
			continue
		}
		v, err := f.GetSheetView(n, -1)
		if err != nil {
			t.Fatal(err)
		}
		if v.RightToLeft == nil || !*v.RightToLeft {
			t.Errorf("sheet %q is not right to left", n)
		}
	}
	if v, _ := f.GetSheetVisible(metaSheet); v {
		t.Error("the hidden sheet is visible")
	}
	if _, err := Parse(data, testKey); err != nil {
		t.Fatal(err)
	}
	en := export(t, d, "en")
	g, _ := excelize.OpenReader(bytes.NewReader(en))
	if v, _ := g.GetSheetView(g.GetSheetList()[1], -1); v.RightToLeft != nil && *v.RightToLeft {
		t.Error("an English sheet is right to left")
	}
}

// Only the input cells are unlocked, on protected sheets.
func TestOnlyInputsEditable(t *testing.T) {
	d := fixture(t)
	data := export(t, d, "es")
	f, _ := excelize.OpenReader(bytes.NewReader(data))
	sheet, row := cellOf(t, data, kindAnswer, d.Framework.Capabilities()[0].Indicators[0].Key)
	for col, want := range map[string]bool{"A": true, "C": true, "E": false, "F": false, "G": false} {
		id, _ := f.GetCellStyle(sheet, col+strconv.Itoa(row))
		st, _ := f.GetStyle(id)
		locked := st.Protection == nil || st.Protection.Locked
		if locked != want {
			t.Errorf("%s%d locked %v, want %v", col, row, locked, want)
		}
	}
	dvs, _ := f.GetDataValidations(sheet)
	if len(dvs) == 0 {
		t.Fatal("no drop-down lists")
	}
}
