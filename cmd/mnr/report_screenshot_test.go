package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestShortReportScreenshots writes the screenshots of the demo's short
// report in docs/ (report-short-en.png, report-short-ar.png) when
// MNR_SCREENSHOTS names the docs directory:
//
//	MNR_SCREENSHOTS=$PWD/docs MNR_CHROME=/usr/bin/chromium go test ./cmd/mnr -run TestShortReportScreenshots
//
// It is how the README's pictures are made, from the demo as "mnr demo"
// loads it; without the variable it does nothing.
func TestShortReportScreenshots(t *testing.T) {
	dir := os.Getenv("MNR_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MNR_SCREENSHOTS to the docs directory to write the screenshots")
	}
	srv := demoServer(t)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(os.Getenv("MNR_CHROME")), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()), chromedp.Flag("disable-dev-shm-usage", true))
	defer cancel()
	for _, lang := range []string{"en", "ar"} {
		html, err := srv.ReportHTML(context.Background(), 2, lang, true)
		if err != nil {
			t.Fatal(err)
		}
		tab, cancelTab := chromedp.NewContext(alloc)
		ctx, cancelTime := context.WithTimeout(tab, 3*time.Minute)
		set := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
			if err != nil {
				return err
			}
			_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: string(html)})
			return err
		})
		// The cover, the key findings and the charts: the top 2,600 px of
		// the page at 900 px wide.
		shot := func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
			yes := true
			r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng,
				CaptureBeyondViewport: &yes, Clip: &page.Viewport{X: 0, Y: 0, Width: 900, Height: 2600, Scale: 1}})
			if err != nil {
				return nil, err
			}
			return r.Data, nil
		}
		err = chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.EmulateViewport(900, 1200), set, chromedp.Sleep(time.Second))
		var png []byte
		if err == nil {
			png, err = chromedp.Run(ctx, chromedp.Action[[]byte](shot))
		}
		cancelTime()
		cancelTab()
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		out := filepath.Join(dir, "report-short-"+lang+".png")
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", out, len(png))
	}
}
