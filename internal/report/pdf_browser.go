package report

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/chromedp/chromedp"
)

// browserStartLimit bounds the start of Chromium.
const browserStartLimit = 30 * time.Second

// browser is the one Chromium process of a Renderer. chromedp gives it a
// temporary profile, removes it when the process ends and kills what the
// process leaves behind.
type browser struct {
	ctx         context.Context // root context; done once the process is gone
	cancelCtx   context.CancelFunc
	cancelAlloc context.CancelFunc
	pid         int
	users       int // renders holding it (guarded by Renderer.bmu)
}

// launch starts headless Chromium with the flags Debian's chromium needs
// as root on a closed network.
func launch(chrome string) (*browser, error) {
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
	)
	// chromedp's own complaints (events it does not expect) are noise for
	// an operator; a failed render returns its error anyway.
	quiet := func(format string, args ...any) { slog.Debug("pdf: chromedp: " + fmt.Sprintf(format, args...)) }
	ctx, cancelCtx := chromedp.NewContext(alloc, chromedp.WithErrorf(quiet))
	b := &browser{ctx: ctx, cancelCtx: cancelCtx, cancelAlloc: cancelAlloc}
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }() // the first call starts the process
	timer := time.NewTimer(browserStartLimit)
	defer timer.Stop()
	select {
	case err := <-started:
		if err != nil {
			b.close()
			return nil, fmt.Errorf("start chromium: %w", err)
		}
	case <-timer.C:
		b.close()
		<-started
		return nil, fmt.Errorf("start chromium: no answer within %s", browserStartLimit)
	}
	if c := chromedp.FromContext(ctx); c != nil && c.Browser != nil && c.Browser.Process() != nil {
		b.pid = c.Browser.Process().Pid
	}
	slog.Info("pdf: chromium started", "pid", b.pid)
	return b, nil
}

// alive reports whether the process still answers; chromedp cancels the
// root context when the connection to the browser drops.
func (b *browser) alive() bool { return b.ctx.Err() == nil }

// diedWithin reports whether the process is gone, or goes within d: a
// render failing because Chromium died can return just before chromedp
// notices the lost connection.
func (b *browser) diedWithin(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-b.ctx.Done():
		return true
	case <-t.C:
		return false
	}
}

// close asks Chromium to quit, kills it after a few seconds, and waits
// until the process and its profile are gone.
func (b *browser) close() {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	err := chromedp.Cancel(ctx)
	cancel()
	b.cancelCtx()
	b.cancelAlloc()
	if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		slog.Warn("pdf: closing chromium", "pid", b.pid, "err", err)
	}
}
