package web_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/report"
)

// The questionnaire prints to PDF through the report's bounded renderer,
// in the reader's language, with the current answers when asked.
func TestQuestionnairePDF(t *testing.T) {
	f, id := pdfFixture(t, report.RendererConfig{})
	b := f.session(f.owner)
	b.switchLanguage("fr")
	res, err := b.http.Get(fmt.Sprintf("%s/assessments/%d/questionnaire.pdf?answers=1", f.ts.URL, id))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	pdf, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("%d %.200s", res.StatusCode, pdf)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if s := string(out); !strings.Contains(s, "Éléments probants") || !strings.Contains(s, "Phase confirmée") {
		t.Errorf("PDF text lacks the French questionnaire: %.400s", s)
	}
}
