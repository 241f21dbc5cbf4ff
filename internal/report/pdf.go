package report

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

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

// printTab prints one document in a new tab of the browser b and closes the
// tab, so no document outlives its render. The tab opens about:blank and
// the document replaces it: nothing is fetched on the document's behalf,
// so the caller inlines stylesheets and images.
func printTab(ctx context.Context, b *browser, doc, header, footer string) ([]byte, error) {
	tabCtx, closeTab := chromedp.NewContext(b.ctx)
	defer closeTab()
	// Actions run on a child of the tab, bounded by ctx; closing the tab
	// (above) is what frees its renderer process.
	runCtx, cancel := context.WithCancel(tabCtx)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()

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
	if err := chromedp.Do(runCtx, set, waitReady()); err != nil {
		return nil, fmt.Errorf("render pdf: load: %w", cause(ctx, err))
	}
	pdf, err := chromedp.Run(runCtx, chromedp.PrintToPDF(
		chromedp.PDFPrintBackground(),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFMargins(0.8, 0.6, 0.8, 0.6),
		chromedp.PDFHeaderTemplate(header),
		chromedp.PDFFooterTemplate(footer),
	))
	if err != nil {
		return nil, fmt.Errorf("render pdf: print: %w", cause(ctx, err))
	}
	return pdf, nil
}

// cause prefers the caller's reason (timeout, cancellation) to the
// "context canceled" of the tab that it brought about.
func cause(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w (%w)", context.Cause(ctx), err)
	}
	return err
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
