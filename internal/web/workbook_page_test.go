package web_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Without JavaScript: the overview links the workbook; an upload shows the
// preview; the confirmation (with its CSRF token) applies it; a bad
// workbook comes back on the page with the message beside the file field.
func TestWorkbookPagePreviewConfirm(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.owner)
	base := fmt.Sprintf("/assessments/%d", f.assess.ID)
	_, doc := b.get(base)
	href, ok := doc.Find("#workbook-download").Attr("href")
	if !ok || href != base+"/workbook.xlsx" {
		t.Fatalf("overview download link: %q", href)
	}
	res, err := b.http.Get(f.ts.URL + href)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("download: %v %v", err, res.Status)
	}
	data, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(res.Header.Get("Content-Disposition"), "mnr-workbook-") {
		t.Errorf("disposition %q", res.Header.Get("Content-Disposition"))
	}
	filled := fill(t, data, map[string]string{"1.1": "Partly", "1.1/F": "Protocol between police and prosecution (2024)"})

	// Without the CSRF token nothing is read.
	body, ct := multipartBody(t, filled, nil)
	req, _ := http.NewRequest("POST", f.ts.URL+base+"/workbook", body)
	req.Header.Set("Content-Type", ct)
	if res, _ := b.http.Do(req); res.StatusCode != http.StatusForbidden {
		t.Fatalf("without CSRF: %d", res.StatusCode)
	}

	b.get(base + "/workbook")
	res, doc = b.uploadPage(base+"/workbook", filled)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("preview: %d %s", res.StatusCode, text(doc.Find(".field-error")))
	}
	row := doc.Find("#preview-new tbody tr")
	if row.Length() != 2 || text(row.First().Find("th")) != "1.1" || text(row.Eq(1).Find(".yours")) != "Protocol between police and prosecution (2024)" {
		t.Fatalf("preview rows: %q", text(doc.Find("#preview-new")))
	}
	if got := f.answerOf(f.assess.ID, "leadership-1"); got.Value != "" {
		t.Fatal("the preview saved")
	}
	form := formOf(doc, "#workbook-confirm")
	res, _ = b.do("POST", base+"/workbook", form, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != base {
		t.Fatalf("confirm: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if got := f.answerOf(f.assess.ID, "leadership-1"); got.Value != assessment.Partly || got.Evidence != "Protocol between police and prosecution (2024)" {
		t.Fatalf("after confirming: %+v", got)
	}
	_, doc = b.get(base)
	if !strings.Contains(text(doc.Find(".flash, [role=status]")), "new: 1") {
		t.Errorf("flash: %q", text(doc.Find(".flash, [role=status]")))
	}

	// A confirmation whose preview changed meanwhile applies nothing.
	stale := fill(t, data, map[string]string{"1.3": "No"})
	b.get(base + "/workbook")
	_, doc = b.uploadPage(base+"/workbook", stale)
	form = formOf(doc, "#workbook-confirm")
	if r := f.api(f.token(f.coordinator), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", f.assess.ID, f.fw.Capability("leadership").Indicators[2].Key),
		map[string]any{"answer": "yes", "version": 0}); r.Status != http.StatusOK {
		t.Fatalf("online save: %d", r.Status)
	}
	res, doc = b.do("POST", base+"/workbook", form, nil)
	if res.StatusCode != http.StatusConflict || doc.Find("#preview-stale").Length() != 1 || doc.Find("#preview-conflicts tbody tr").Length() == 0 {
		t.Fatalf("stale confirmation: %d", res.StatusCode)
	}

	// A bad workbook: the page again, the message beside the file field.
	res, doc = b.uploadPage(base+"/workbook", fill(t, data, map[string]string{"1.2": "Sometimes"}))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text(doc.Find("#file-error")), "cell E5 (answer): “Sometimes” is not one of the choices") {
		t.Fatalf("bad workbook: %d %q", res.StatusCode, text(doc.Find("#file-error")))
	}
	b.switchLanguage("fr")
	b.get(base + "/workbook")
	_, doc = b.uploadPage(base+"/workbook", fill(t, data, map[string]string{"1.2": "Sometimes"}))
	if got := text(doc.Find("#file-error")); !strings.Contains(got, "cellule E5 (réponse) : « Sometimes » ne fait pas partie des choix") {
		t.Errorf("French message: %q", got)
	}
}

// The printable questionnaire: blank, or with the current answers ticked.
func TestQuestionnairePrint(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.owner)
	if r := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID),
		map[string]any{"answer": "partly", "evidence": "Draft national strategy", "version": 0}); r.Status != http.StatusOK {
		t.Fatal(r.Status)
	}
	b := f.session(f.viewer)
	_, doc := b.get(fmt.Sprintf("/assessments/%d/questionnaire?answers=1", f.assess.ID))
	row := doc.Find(`tr[data-indicator="leadership-1"]`)
	if !strings.Contains(text(row.Find(".q-answers")), "☒ Partly") || text(row.Find(".q-evidence")) != "Draft national strategy" {
		t.Fatalf("with answers: %q", text(row))
	}
	_, doc = b.get(fmt.Sprintf("/assessments/%d/questionnaire", f.assess.ID))
	row = doc.Find(`tr[data-indicator="leadership-1"]`)
	if strings.Contains(text(row), "☒") || strings.Contains(text(row), "Draft national strategy") || doc.Find(`tr[data-indicator]`).Length() < 50 {
		t.Fatalf("blank: %q", text(row))
	}
}
