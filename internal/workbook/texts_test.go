package workbook

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Every text of the workbook is translated: no message id shows, in any
// language, in a cell or a drop-down list.
func TestNoMessageIDs(t *testing.T) {
	id := regexp.MustCompile(`\b(Wb[A-Z]\w*|Cap[A-Z]\w*|Answer_\w+|Priority_\w+)\b`)
	d := fixture(t)
	for _, lang := range []string{"en", "ar", "fr", "es"} {
		f, err := excelize.OpenReader(bytes.NewReader(export(t, d, lang)))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range f.GetSheetList() {
			if s == metaSheet {
				continue
			}
			rows, _ := f.GetRows(s)
			for _, r := range rows {
				for _, c := range r {
					if m := id.FindString(c); m != "" {
						t.Errorf("%s, sheet %s: message id %s in %q", lang, s, m, c)
					}
				}
			}
			dvs, _ := f.GetDataValidations(s)
			for _, v := range dvs {
				if m := id.FindString(v.Formula1); m != "" {
					t.Errorf("%s, sheet %s: message id %s in a list", lang, s, m)
				}
				if lang == "en" && strings.Contains(v.Formula1, "Developing") == false && strings.Contains(v.Formula1, "High") == false && strings.Contains(v.Formula1, "Partly") == false {
					t.Errorf("unexpected list %s", v.Formula1)
				}
			}
		}
	}
}
