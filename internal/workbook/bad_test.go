package workbook

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// wantRefused parses data and checks the error's message holds each part.
func wantRefused(t *testing.T, data []byte, parts ...string) {
	t.Helper()
	_, err := Parse(data, testKey)
	if err == nil {
		t.Fatal("accepted")
	}
	e, ok := assessment.AsError(err)
	if !ok {
		t.Fatalf("not a domain error: %v", err)
	}
	for _, p := range parts {
		if !strings.Contains(e.Message, p) {
			t.Errorf("message %q lacks %q", e.Message, p)
		}
	}
}

func TestBadWorkbooks(t *testing.T) {
	d := fixture(t)
	good := export(t, d, "en")
	ind := d.Framework.Capabilities()[0].Indicators[0]
	sheet, row := cellOf(t, good, kindAnswer, ind.Key)
	capKey := d.Framework.Capabilities()[0].Key
	_, jrow := cellOf(t, good, kindJudgement, capKey)

	t.Run("value outside the drop-down", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) { f.SetCellStr(sheet, "E"+strconv.Itoa(row), "Maybe") })
		wantRefused(t, data, "Sheet “"+sheet+"”", "cell E"+strconv.Itoa(row), "“Maybe” is not one of the choices")
	})
	t.Run("phase outside the drop-down", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) { f.SetCellStr(sheet, "E"+strconv.Itoa(jrow+2), "7") })
		wantRefused(t, data, "cell E"+strconv.Itoa(jrow+2), "target phase")
	})
	t.Run("tampered hidden sheet", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) {
			rows, _ := f.GetRows(metaSheet)
			for i, r := range rows {
				if r[0] == kindAnswer {
					f.SetCellStr(metaSheet, "C"+strconv.Itoa(i+1), "99")
					return
				}
			}
		})
		wantRefused(t, data, "hidden sheet", "changed after it was downloaded")
	})
	t.Run("deleted hidden sheet", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) { f.DeleteSheet(metaSheet) })
		wantRefused(t, data, "no hidden sheet")
	})
	t.Run("renamed sheet", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) { f.SetSheetName(sheet, "Renamed") })
		wantRefused(t, data, "“"+sheet+"” is missing")
	})
	t.Run("deleted sheet", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) { f.DeleteSheet(sheet) })
		wantRefused(t, data, "“"+sheet+"” is missing")
	})
	t.Run("rows moved", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) { f.InsertRows(sheet, row, 1) })
		wantRefused(t, data, "Sheet “"+sheet+"”", "rows were moved")
	})
	t.Run("direction control in a one-line text", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) { f.SetCellStr(sheet, "E"+strconv.Itoa(jrow+4), "Ministry \u202e of") })
		wantRefused(t, data, "cell E"+strconv.Itoa(jrow+4), "(lead)", "direction control")
	})
	t.Run("evidence too long", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) {
			f.SetCellStr(sheet, "F"+strconv.Itoa(row), strings.Repeat("a", assessment.MaxEvidence+1))
		})
		wantRefused(t, data, "cell F"+strconv.Itoa(row), "the limit is 5000")
	})
	t.Run("not applicable without a note", func(t *testing.T) {
		data := edit(t, good, func(f *excelize.File) { f.SetCellStr(sheet, "E"+strconv.Itoa(row), "Not applicable") })
		wantRefused(t, data, "cell G"+strconv.Itoa(row), "needs a reason")
	})
	t.Run("another key", func(t *testing.T) {
		if _, err := Parse(good, []byte("another installation's key......")); err == nil || !strings.Contains(err.Error(), "hidden sheet") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("not an xlsx", func(t *testing.T) {
		wantRefused(t, []byte("%PDF-1.7 not a workbook"), "is not an Excel workbook")
		wantRefused(t, zipOf(t, map[string][]byte{"word/document.xml": []byte("<w/>")}), "is not an Excel workbook")
	})
	t.Run("empty", func(t *testing.T) { wantRefused(t, nil, "is empty") })
	t.Run("oversized", func(t *testing.T) {
		_, err := Parse(make([]byte, MaxSize+1), testKey)
		if assessment.ErrorCode(err) != assessment.ETOOLARGE {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("zip bomb", func(t *testing.T) {
		wantRefused(t, zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook/>"), "xl/worksheets/sheet1.xml": make([]byte, 5<<20)}), "would unpack")
		parts := map[string][]byte{"xl/workbook.xml": []byte("<workbook/>")}
		for i := 0; i < 30; i++ {
			parts["xl/media/image"+strconv.Itoa(i)+".bin"] = bytes.Repeat([]byte("0123456789"), 100<<10)
		}
		wantRefused(t, zipOf(t, parts), "would unpack to more than 24 MB")
	})
	t.Run("too many parts", func(t *testing.T) {
		parts := map[string][]byte{"xl/workbook.xml": []byte("<workbook/>")}
		for i := 0; i < MaxEntries; i++ {
			parts["xl/p"+strconv.Itoa(i)] = []byte("x")
		}
		wantRefused(t, zipOf(t, parts), "holds 65 parts")
	})
	t.Run("another assessment", func(t *testing.T) {
		p, err := Parse(good, testKey)
		if err != nil {
			t.Fatal(err)
		}
		err = CheckTarget(p, Target{AssessmentID: 8}, d.Framework.Version)
		if err == nil || !strings.Contains(err.Error(), "another assessment or contribution (assessment 7)") {
			t.Fatalf("got %v", err)
		}
		if err := CheckTarget(p, Target{AssessmentID: 7, ContributionID: 2}, d.Framework.Version); err == nil {
			t.Fatal("a contribution accepted the assessment's workbook")
		}
	})
}

func zipOf(t testing.TB, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, b := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
