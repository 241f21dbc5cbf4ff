package workbook

import (
	"testing"
)

// FuzzParseWorkbook feeds the parser arbitrary files: whatever the bytes,
// it returns a workbook or an error, never panics, and a workbook it
// accepts compares against the assessment without error or with a domain
// error. Inputs that once crashed it are kept in testdata/fuzz.
func FuzzParseWorkbook(f *testing.F) {
	d := fixture(f)
	good := export(f, d, "en")
	f.Add(good)
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
