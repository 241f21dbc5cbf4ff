package report

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
)

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

func chromeOrSkip(t *testing.T) string {
	t.Helper()
	chrome := ChromePath()
	if chrome == "" {
		t.Skip("no Chromium found (set MNR_CHROME or install chromium); skipping PDF rendering")
	}
	return chrome
}

func TestRenderPDFFromHTML(t *testing.T) {
	chrome := chromeOrSkip(t)
	doc := `<!doctype html><html><head><title>MNR report test</title>
<style>@page { size: A4; } section { page-break-after: always; }</style></head>
<body><section><h1>Page one</h1></section><section><h1>Page two</h1>` + string(DomainBarsSVG(fixtureReport(t, false), "en")) + `</section></body></html>`
	pdf, err := RenderPDFFromHTML(context.Background(), chrome, []byte(doc), "", PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("output does not start with %%PDF: %q", pdf[:min(len(pdf), 16)])
	}
	if n := len(pdfPage.FindAll(pdf, -1)); n < 2 {
		t.Errorf("PDF has %d pages, want at least 2", n)
	}
}

func TestRenderPDFNoChrome(t *testing.T) {
	if _, err := RenderPDFFromHTML(context.Background(), "", []byte("<p>x</p>"), "", PDFOptions{}); err == nil {
		t.Error("no error without a browser")
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

func TestRenderPDFSendsHeader(t *testing.T) {
	chrome := chromeOrSkip(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Report-Token") != "one-time" {
			http.Error(w, "no token", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><title>Served report</title><p>Served with token.</p>`)
	}))
	defer srv.Close()
	h := http.Header{}
	h.Set("X-Report-Token", "one-time")
	pdf, err := RenderPDF(context.Background(), chrome, srv.URL+"/print", PDFOptions{Header: h, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdfPage.FindAll(pdf, -1)) != 1 {
		t.Errorf("unexpected PDF (%d bytes)", len(pdf))
	}
}
