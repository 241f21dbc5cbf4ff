package report

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// DefaultPDFTimeout bounds a whole render, browser start included, when
// PDFOptions.Timeout is zero.
const DefaultPDFTimeout = 30 * time.Second

// Header and footer templates. Chrome fills the elements with the classes
// title, pageNumber and totalPages; its default font size there is 0, so
// the templates set one.
const (
	DefaultPDFHeader = `<div style="font-size:8px;width:100%;padding:0 1cm;font-family:sans-serif;"><span class="title"></span></div>`
	DefaultPDFFooter = `<div style="font-size:8px;width:100%;padding:0 1cm;text-align:right;font-family:sans-serif;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`
)

// PDFOptions tune a render; the zero value is ready to use.
type PDFOptions struct {
	// Timeout bounds the whole render; 0 means DefaultPDFTimeout.
	Timeout time.Duration
	// Header holds extra request headers for RenderPDF, such as the
	// one-time token that lets the browser fetch the print page.
	Header http.Header
	// HeaderTemplate and FooterTemplate replace the defaults when set.
	HeaderTemplate, FooterTemplate string
}

// ChromePath finds a Chromium-family browser: $MNR_CHROME, else chromium,
// chromium-browser or google-chrome on PATH. It returns "" when there is
// none, and callers then offer the print page instead of a PDF.
func ChromePath() string {
	if p := os.Getenv("MNR_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// RenderPDF prints the page at pageURL, typically the report's print view
// served on loopback, and returns the PDF.
func RenderPDF(ctx context.Context, chrome, pageURL string, opts PDFOptions) ([]byte, error) {
	load := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if len(opts.Header) == 0 {
			return nil
		}
		h := network.Headers{}
		for k, vs := range opts.Header {
			h[k] = strings.Join(vs, ", ")
		}
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return fmt.Errorf("enable network: %w", err)
		}
		if _, err := cdp.Call(ctx, t, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: h}); err != nil {
			return fmt.Errorf("set headers: %w", err)
		}
		return nil
	})
	return renderPDF(ctx, chrome, opts, chromedp.Steps(load, chromedp.Navigate(pageURL)))
}

// RenderPDFFromHTML prints a complete HTML document without any server: it
// opens about:blank and replaces the document. Nothing is fetched on the
// document's behalf, so the caller must inline its stylesheets (a <style>
// element) and images (data: URLs); baseURL, when set, becomes the
// document's <base href> for any link that remains relative.
func RenderPDFFromHTML(ctx context.Context, chrome string, html []byte, baseURL string, opts PDFOptions) ([]byte, error) {
	doc := string(html)
	if baseURL != "" {
		doc = withBase(doc, baseURL)
	}
	set := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return fmt.Errorf("frame tree: %w", err)
		}
		if tree.FrameTree == nil || tree.FrameTree.Frame == nil {
			return errors.New("frame tree: no main frame")
		}
		_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: doc})
		if err != nil {
			return fmt.Errorf("set document: %w", err)
		}
		return nil
	})
	return renderPDF(ctx, chrome, opts, chromedp.Steps(chromedp.Navigate("about:blank"), set))
}

// renderPDF starts a fresh headless browser with a throw-away profile, runs
// load, waits for the document and its fonts, and prints. One browser per
// render keeps reports of different users apart.
func renderPDF(ctx context.Context, chrome string, opts PDFOptions, load chromedp.Action[chromedp.Void]) ([]byte, error) {
	if chrome == "" {
		return nil, errors.New("render pdf: no Chromium browser configured")
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultPDFTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	profile, err := os.MkdirTemp("", "mnr-pdf-")
	if err != nil {
		return nil, fmt.Errorf("render pdf: profile dir: %w", err)
	}
	defer os.RemoveAll(profile)

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
	)
	defer cancelAlloc()
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	header, footer := opts.HeaderTemplate, opts.FooterTemplate
	if header == "" {
		header = DefaultPDFHeader
	}
	if footer == "" {
		footer = DefaultPDFFooter
	}
	if err := chromedp.Do(tabCtx, load, waitReady()); err != nil {
		return nil, fmt.Errorf("render pdf: load: %w", err)
	}
	pdf, err := chromedp.Run(tabCtx, chromedp.PrintToPDF(
		chromedp.PDFPrintBackground(),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFMargins(0.8, 0.6, 0.8, 0.6),
		chromedp.PDFHeaderTemplate(header),
		chromedp.PDFFooterTemplate(footer),
	))
	if err != nil {
		return nil, fmt.Errorf("render pdf: print: %w", err)
	}
	return pdf, nil
}

// waitReady waits until the document has loaded and its web fonts are in,
// so the PDF never shows fallback fonts or missing images.
func waitReady() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		const js = `new Promise(r => { const done = () => document.fonts.ready.then(() => r(true));
			document.readyState === "complete" ? done() : addEventListener("load", done, {once: true}); })`
		_, err := chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise)(ctx, t)
		return err
	})
}

var (
	headTag = regexp.MustCompile(`(?i)<head(\s[^>]*)?>`)
	doctype = regexp.MustCompile(`(?i)^\s*<!doctype[^>]*>`)
)

// withBase inserts <base href> at the start of <head>; without a <head> tag
// it goes right after the doctype, since anything before the doctype would
// switch the browser to quirks mode.
func withBase(doc, baseURL string) string {
	base := `<base href="` + esc(baseURL) + `">`
	if loc := headTag.FindStringIndex(doc); loc != nil {
		return doc[:loc[1]] + base + doc[loc[1]:]
	}
	if loc := doctype.FindStringIndex(doc); loc != nil {
		return doc[:loc[1]] + base + doc[loc[1]:]
	}
	return base + doc
}
