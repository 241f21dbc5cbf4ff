package web_test

import (
	"fmt"
	"regexp"
	"testing"
)

// The workbook page, its preview and the questionnaire are in the reader's
// language and direction, with no message id left showing.
func TestWorkbookPagesTranslated(t *testing.T) {
	f := newFixture(t)
	data := f.downloadWorkbook(f.token(f.owner), fmt.Sprintf("/api/v1/assessments/%d/workbook.xlsx", f.assess.ID))
	filled := fill(t, data, map[string]string{"1.1": "Yes", "1/lead": "Ministry of Justice"})
	id := regexp.MustCompile(`\b(Wb[A-Z]\w*|Cap[A-Z]\w*|Answer_\w+|Priority_\w+)\b`)
	base := fmt.Sprintf("/assessments/%d", f.assess.ID)
	for _, lang := range []string{"en", "ar", "fr", "es"} {
		b := f.session(f.owner)
		b.switchLanguage(lang)
		for _, path := range []string{base, base + "/workbook", base + "/questionnaire?answers=1"} {
			_, doc := b.get(path)
			if d, _ := doc.Find("html").Attr("dir"); (lang == "ar") != (d == "rtl") {
				t.Errorf("%s %s: dir %q", lang, path, d)
			}
			if m := id.FindString(doc.Find("main").Text()); m != "" {
				t.Errorf("%s %s: message id %s", lang, path, m)
			}
		}
		_, doc := b.uploadPage(base+"/workbook", filled)
		if doc.Find("#preview-new tbody tr").Length() != 2 {
			t.Errorf("%s: preview rows %d", lang, doc.Find("#preview-new tbody tr").Length())
		}
		if m := id.FindString(doc.Find("main").Text()); m != "" {
			t.Errorf("%s preview: message id %s", lang, m)
		}
	}
}
