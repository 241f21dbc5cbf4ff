package report

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/metrics"
)

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// chromeOrSkip returns the browser, or skips; CI installs Debian's
// chromium, so there a missing browser fails the test.
func chromeOrSkip(t *testing.T) string {
	t.Helper()
	chrome := ChromePath()
	if chrome == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is missing in CI")
		}
		t.Skip("no Chromium found (set MNR_CHROME or install chromium); skipping PDF rendering")
	}
	return chrome
}

// newRenderer is a renderer for one test, closed at its end.
func newRenderer(t *testing.T, cfg RendererConfig) *Renderer {
	t.Helper()
	cfg.Chrome = chromeOrSkip(t)
	r := NewRenderer(cfg)
	t.Cleanup(func() { r.Close() })
	return r
}

// pdfText is the PDF's text by poppler's pdftotext, or "" (with a log
// line) where it is not installed; CI installs it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext missing in CI")
		}
		t.Log("pdftotext not installed: PDF text not checked")
		return ""
	}
	cmd := exec.Command(bin, "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func twoPages(title string) []byte {
	return []byte(`<!doctype html><html><head><title>` + title + `</title>
<style>@page { size: A4; } section { page-break-after: always; }</style></head>
<body><section><h1>Page one</h1></section><section><h1>Page two</h1></section></body></html>`)
}

func TestRendererPrintsHTML(t *testing.T) {
	r := newRenderer(t, RendererConfig{})
	doc := `<!doctype html><html><head><title>MNR report test</title>
<style>@page { size: A4; } section { page-break-after: always; }</style></head>
<body><section><h1>Page one</h1></section><section><h1>Page two</h1>` + string(DomainBarsSVG(fixtureReport(t, false), "en")) + `</section></body></html>`
	pdf, err := r.Render(context.Background(), Job{HTML: []byte(doc)})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("output does not start with %%PDF: %q", pdf[:min(len(pdf), 16)])
	}
	if n := len(pdfPage.FindAll(pdf, -1)); n < 2 {
		t.Errorf("PDF has %d pages, want at least 2", n)
	}
	if text := pdfText(t, pdf); text != "" && (!strings.Contains(text, "Page 1 of 2") || !strings.Contains(text, "MNR report test")) {
		t.Errorf("header or footer missing:\n%s", text)
	}
	if n := renderedOK(t); n < 1 {
		t.Errorf("mnr_pdf_render_duration_seconds counts %d good renders", n)
	}
}

// renderedOK is the count of good renders in the process's metrics.
func renderedOK(t *testing.T) uint64 {
	t.Helper()
	families, err := metrics.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != "mnr_pdf_render_duration_seconds" {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "result" && l.GetValue() == "ok" {
					return m.GetHistogram().GetSampleCount()
				}
			}
		}
	}
	return 0
}

// The running footer speaks the document's language.
func TestRendererFooterInLanguage(t *testing.T) {
	r := newRenderer(t, RendererConfig{})
	for lang, want := range map[string]string{"fr": "Page 2 sur 2", "es": "Página 2 de 2", "ar": "صفحة"} {
		pdf, err := r.Render(context.Background(), Job{HTML: twoPages("Rapport"), Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		if text := pdfText(t, pdf); text != "" && !strings.Contains(text, want) {
			t.Errorf("%s: footer %q missing:\n%s", lang, want, text)
		}
	}
}

func TestPageTemplates(t *testing.T) {
	header, footer := PageTemplates("ar")
	for _, want := range []string{`dir="rtl"`, `lang="ar"`, `<span class="pageNumber"></span>`, `<span class="totalPages"></span>`, "صفحة", " من "} {
		if !strings.Contains(footer, want) {
			t.Errorf("Arabic footer lacks %q: %s", want, footer)
		}
	}
	if !strings.Contains(header, `<span class="title" style="unicode-bidi:isolate;">`) || !strings.Contains(header, `dir="rtl"`) {
		t.Errorf("Arabic header: %s", header)
	}
	if _, footer := PageTemplates("en"); !strings.Contains(footer, `Page <span class="pageNumber"></span> of <span class="totalPages"></span>`) {
		t.Errorf("English footer: %s", footer)
	}
}

func TestRendererNoChrome(t *testing.T) {
	r := NewRenderer(RendererConfig{})
	defer r.Close()
	if _, err := r.Render(context.Background(), Job{HTML: []byte("<p>x</p>")}); !errors.Is(err, ErrNoChrome) {
		t.Errorf("err = %v, want ErrNoChrome", err)
	}
}

func TestChromePathEnv(t *testing.T) {
	t.Setenv("MNR_CHROME", "/opt/chrome/chrome")
	if got := ChromePath(); got != "/opt/chrome/chrome" {
		t.Errorf("ChromePath = %q", got)
	}
}

func TestWithBase(t *testing.T) {
	for in, want := range map[string]string{
		`<!doctype html><html><head><title>x</title>`: `<!doctype html><html><head><base href="http://127.0.0.1:8080/">` + `<title>x</title>`,
		`<!DOCTYPE html><p>x`:                         `<!DOCTYPE html><base href="http://127.0.0.1:8080/"><p>x`,
		`<p>x`:                                        `<base href="http://127.0.0.1:8080/"><p>x`,
		`<html><header>h</header>`:                    `<base href="http://127.0.0.1:8080/"><html><header>h</header>`,
	} {
		if got := withBase(in, "http://127.0.0.1:8080/"); got != want {
			t.Errorf("withBase(%q) = %q", in, got)
		}
	}
	if got := withBase("<head>", `x"><script>`); strings.Contains(got, "<script>") {
		t.Errorf("base URL not escaped: %q", got)
	}
}

// retryCode is the code and wait of a refusal, or fails.
func retryCode(t *testing.T, err error) string {
	t.Helper()
	var re *RetryError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want a *RetryError", err)
	}
	if re.RetryAfter() < 1e9 {
		t.Errorf("RetryAfter = %s, want at least a second", re.RetryAfter())
	}
	return assessment.ErrorCode(err)
}
