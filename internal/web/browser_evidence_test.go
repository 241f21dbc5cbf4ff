package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserAttachEvidence: in a real browser with the autosave script,
// a coordinator attaches a file to an indicator through the page's form
// and sees it listed; the answers' autosave leaves the file controls alone,
// and the page with its files passes axe.
func TestBrowserAttachEvidence(t *testing.T) {
	ctx := browserCtx(t) // skips without Chromium
	axe := axeSource(t)
	f := newFixture(t)
	key := f.fw.Capability("leadership").Indicators[0].Key
	doc := filepath.Join(t.TempDir(), "decree-12-2024.pdf")
	if err := os.WriteFile(doc, samplePDF("Decree 12/2024"), 0o600); err != nil {
		t.Fatal(err)
	}
	browserSignIn(t, ctx, f.ts.URL, f.coordinator.Email)
	page := fmt.Sprintf("%s/assessments/%d/capabilities/leadership", f.ts.URL, f.assess.ID)
	run(t, ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("upload-file-"+key)))
	run(t, ctx,
		chromedp.SendKeys(chromedp.ID("upload-title-"+key), "Decree 12/2024 establishing the council"),
		chromedp.SetUploadFiles(chromedp.ID("upload-file-"+key), []string{doc}),
	)
	// Typing the title must not start an answer save.
	if n := eval[int](t, ctx, `document.querySelectorAll(".save-state[data-state]").length`); n != 0 {
		t.Errorf("the file form's inputs set off autosave (%d states)", n)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[form="upload-%s"]`, key))))
	waitFor(t, ctx, fmt.Sprintf(`(document.querySelector("#files-%s .file-list a.file-title") || {}).textContent === "Decree 12/2024 establishing the council"`, key))
	href := eval[string](t, ctx, fmt.Sprintf(`document.querySelector("#files-%s .file-list a.file-title").getAttribute("href")`, key))
	files, err := f.db.EvidenceFiles(t.Context(), f.assess.ID, 0)
	if err != nil || len(files) != 1 || href != fmt.Sprintf("/files/%d", files[0].ID) || files[0].Filename != "decree-12-2024.pdf" || files[0].ContentType != "application/pdf" {
		t.Fatalf("stored: %v %v (link %s)", files, err, href)
	}
	for _, v := range axeViolations(t, ctx, axe) {
		t.Errorf("capability page with a file: %s", v)
	}
}
