package workbook

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

// fixture is an assessment of the default framework with a few answers.
func fixture(t testing.TB) *assessment.Detail {
	t.Helper()
	fw, err := framework.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{ID: 7, OrganisationID: 3, Title: "National assessment", Period: "2026", FrameworkVersion: fw.Version}
	all := append(append([]*framework.Capability{}, fw.Capabilities()...), fw.Enablers()...)
	for _, c := range all {
		a.Scope = append(a.Scope, c.Key)
	}
	var answers []assessment.Answer
	for _, c := range all {
		for _, ind := range c.Indicators {
			answers = append(answers, assessment.Answer{AssessmentID: 7, IndicatorKey: ind.Key, CapabilityKey: c.Key, Version: 1})
		}
	}
	first := fw.Capabilities()[0].Indicators[0]
	answers[0] = assessment.Answer{AssessmentID: 7, IndicatorKey: first.Key, CapabilityKey: first.Capability.Key, Value: assessment.Yes,
		Evidence: "Decree 12/2024", Links: []string{"https://example.org/decree"}, Version: 3, UpdatedBy: "Amal", UpdatedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)}
	return assessment.NewDetail(fw, assessment.Organisation{ID: 3, Name: "Demoland"}, a, nil, answers)
}

func export(t testing.TB, d *assessment.Detail, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, Source{Detail: d, Target: Target{AssessmentID: d.Assessment.ID}, Lang: lang, Judgements: true}, testKey, time.Now()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edit opens a workbook, applies fn and saves it again, as a person
// filling it in would.
func edit(t testing.TB, data []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	fn(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cellOf finds the input cell of an indicator or capability key.
func cellOf(t testing.TB, data []byte, kind, key string) (sheet string, row int) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(metaSheet)
	m, err := readMeta(testKey, rows)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range m.Rows {
		if r.Kind == kind && r.Key == key {
			return r.Sheet, r.Row
		}
	}
	t.Fatalf("no %s %s", kind, key)
	return "", 0
}

func TestRoundTripUnchanged(t *testing.T) {
	d := fixture(t)
	data := export(t, d, "en")
	p, err := Parse(data, testKey)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckTarget(p, Target{AssessmentID: 7}, d.Framework.Version); err != nil {
		t.Fatal(err)
	}
	pv, err := Compare(p, d)
	if err != nil {
		t.Fatal(err)
	}
	if !pv.Empty() || len(pv.New)+len(pv.Changed)+len(pv.Conflicts) != 0 {
		t.Fatalf("an untouched workbook changes something: %+v", pv)
	}
}

func TestRoundTripFilled(t *testing.T) {
	d := fixture(t)
	data := export(t, d, "fr")
	ind := d.Framework.Capabilities()[0].Indicators[1]
	sheet, row := cellOf(t, data, kindAnswer, ind.Key)
	capKey := d.Framework.Capabilities()[0].Key
	jsheet, jrow := cellOf(t, data, kindJudgement, capKey)
	data = edit(t, data, func(f *excelize.File) {
		f.SetCellStr(sheet, "E"+itoa(row), "En partie")
		f.SetCellStr(sheet, "F"+itoa(row), "Protocole d'accord signé en 2025")
		f.SetCellStr(jsheet, "E"+itoa(jrow+2), "3")
		f.SetCellStr(jsheet, "E"+itoa(jrow+4), "Ministère de l'Intérieur")
	})
	p, err := Parse(data, testKey)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := Compare(p, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.New) != 2 || len(pv.Answers) != 1 || len(pv.States) != 1 {
		t.Fatalf("preview: %+v", pv)
	}
	a := pv.Answers[0]
	if a.Value != assessment.Partly || a.Evidence != "Protocole d'accord signé en 2025" || a.IndicatorKey != ind.Key {
		t.Fatalf("answer: %+v", a)
	}
	if s := pv.States[0]; s.Target == nil || *s.Target != 3 || s.Lead != "Ministère de l'Intérieur" {
		t.Fatalf("state: %+v", s)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
