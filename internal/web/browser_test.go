package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/mnr-self-assessment/mnr/internal/report"
)

// browserCtx starts headless Chromium for one test, or skips when there is
// none (CI installs Debian's chromium, so there the tests always run).
func browserCtx(t *testing.T) context.Context {
	t.Helper()
	chrome := report.ChromePath()
	if chrome == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is missing in CI")
		}
		t.Skip("chromium not installed: browser tests skipped")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// run runs actions with a per-step time limit.
func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(c, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return evalWithin[T](t, ctx, js, 15*time.Second)
}

func evalWithin[T any](t *testing.T, ctx context.Context, js string, limit time.Duration) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	v, err := chromedp.Run(c, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// tabTo presses Tab until the focused element satisfies the JavaScript
// condition, as a keyboard user moves through the page.
func tabTo(t *testing.T, ctx context.Context, cond string, max int) {
	t.Helper()
	for i := 0; i < max; i++ {
		if eval[bool](t, ctx, "(() => { const el = document.activeElement; return !!el && ("+cond+"); })()") {
			return
		}
		run(t, ctx, chromedp.KeyEvent(kb.Tab))
	}
	t.Fatalf("focus never reached %s after %d Tab presses (at %s)", cond, max,
		eval[string](t, ctx, "document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : 'nothing'"))
}

// waitFor polls a JavaScript condition.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		// While a page is being replaced, evaluations fail; keep polling.
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (last error: %v)", cond, last)
}

// browserSignIn signs in by keyboard through the real form.
func browserSignIn(t *testing.T, ctx context.Context, base, email string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.ID("email")))
	tabTo(t, ctx, `el.id === "email"`, 20)
	run(t, ctx, chromedp.KeyEvent(email), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(testPassword), chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `location.pathname === "/" && document.readyState === "complete"`)
}

func TestBrowserCompleteCapabilityByKeyboard(t *testing.T) {
	ctx := browserCtx(t)
	f := newFixture(t)
	browserSignIn(t, ctx, f.ts.URL, f.coordinator.Email)
	run(t, ctx, chromedp.Navigate(fmt.Sprintf("%s/assessments/%d/capabilities/leadership", f.ts.URL, f.assess.ID)),
		chromedp.WaitVisible(chromedp.CSS("fieldset.indicator")))
	cap := f.fw.Capability("leadership")
	for _, in := range cap.Indicators {
		// Entering an unanswered radio group focuses its first choice (Yes);
		// Space selects it and the page saves on change.
		tabTo(t, ctx, fmt.Sprintf(`el.name === "answer.%s"`, in.Key), 40)
		if v := eval[string](t, ctx, "document.activeElement.value"); v != "yes" {
			t.Fatalf("%s: focus on %q, want the Yes choice", in.Key, v)
		}
		run(t, ctx, chromedp.KeyEvent(" "))
	}
	tabTo(t, ctx, `el.id === "target_phase"`, 40)
	run(t, ctx, chromedp.KeyEvent(kb.End))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelectorAll(".save-state[data-state=saved]").length === %d`, len(cap.Indicators)+1))
	if got := eval[string](t, ctx, `document.getElementById("autosave-live").getAttribute("aria-live")`); got != "polite" {
		t.Errorf("save state is not announced: aria-live=%q", got)
	}
	if got := eval[int](t, ctx, `document.querySelectorAll("[aria-live]").length`); got != 1 {
		t.Errorf("%d live regions on the page, want one", got)
	}
	r := f.api(f.token(f.coordinator), "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil)
	c := capability(t, r, "leadership")
	for _, in := range cap.Indicators {
		if got := indicator(t, c, in.Key)["answer"]; got != "yes" {
			t.Errorf("%s = %v after keyboard entry", in.Key, got)
		}
	}
	if c["suggested_phase"].(float64) != 4 || c["target_phase"] == nil || c["target_phase"].(float64) != 4 {
		t.Errorf("capability after keyboard entry: suggested %v, target %v", c["suggested_phase"], c["target_phase"])
	}
	// The focus ring is visible (an outline on the focused control).
	if w := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); w == "none" {
		t.Error("focused control has no visible outline")
	}
}

// mainPages are the pages every language and layout check visits.
func mainPages(f *fixture) []string {
	return []string{"/", fmt.Sprintf("/assessments/%d", f.assess.ID),
		fmt.Sprintf("/assessments/%d/capabilities/legislation", f.assess.ID), fmt.Sprintf("/assessments/%d/report", f.assess.ID)}
}

func switchLanguage(t *testing.T, ctx context.Context, lang string) {
	t.Helper()
	run(t, ctx, chromedp.WaitVisible(chromedp.ID("lang-switch")))
	// Submit after the evaluation returns (a navigation during it would fail
	// the call), and mark this document so the wait below sees the new one.
	eval[bool](t, ctx, fmt.Sprintf(`(() => { window.mnrOld = true; const s = document.getElementById("lang-switch"); s.value = %q; setTimeout(() => s.form.submit(), 0); return true; })()`, lang))
	waitFor(t, ctx, fmt.Sprintf(`!window.mnrOld && document.readyState === "complete" && document.documentElement.lang === %q`, lang))
}

func TestBrowserArabicIsRightToLeftAndFitsA360pxScreen(t *testing.T) {
	ctx := browserCtx(t)
	f := newFixture(t)
	f.answerAll(f.assess, map[string]int{"legislation": 2}, "دليل: قرار مجلس الوزراء رقم 12 لسنة 2025 (MNR)")
	browserSignIn(t, ctx, f.ts.URL, f.coordinator.Email)
	switchLanguage(t, ctx, "ar")
	run(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	for _, p := range mainPages(f) {
		run(t, ctx, chromedp.Navigate(f.ts.URL+p), chromedp.WaitVisible(chromedp.CSS("main")))
		if dir := eval[string](t, ctx, "document.documentElement.dir"); dir != "rtl" {
			t.Errorf("%s: dir = %q", p, dir)
		}
		if w := eval[int](t, ctx, "document.documentElement.scrollWidth"); w > 360 {
			wide := eval[string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().width > 361).slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().width) + "px").join(", ")`)
			t.Errorf("%s: page is %dpx wide on a 360px screen (overflowing: %s)", p, w, wide)
		}
	}
}

// axeSource finds axe-core, installed by `npm ci` at the repository root.
func axeSource(t *testing.T) string {
	t.Helper()
	dir, _ := os.Getwd()
	for i := 0; i < 4; i++ {
		b, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
		if err == nil {
			return string(b)
		}
		dir = filepath.Dir(dir)
	}
	if os.Getenv("CI") != "" {
		t.Fatal("axe-core missing in CI: run npm ci")
	}
	t.Skip("axe-core not installed (npm ci): accessibility checks skipped")
	return ""
}

// axeViolations runs axe-core on the current page and returns the serious
// and critical violations, one line each.
func axeViolations(t *testing.T, ctx context.Context, axe string) []string {
	t.Helper()
	eval[bool](t, ctx, axe+";true")
	js := `axe.run(document, {resultTypes: ["violations"], runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}).then(r => r.violations
		.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => v.impact + " " + v.id + ": " + v.help + " — " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")))`
	return evalWithin[[]string](t, ctx, js, 90*time.Second)
}

func TestBrowserAccessibilityInEveryLanguage(t *testing.T) {
	ctx := browserCtx(t)
	axe := axeSource(t)
	f := newFixture(t)
	f.answerAll(f.assess, nil, "Evidence")
	for _, lang := range []string{"en", "ar", "fr", "es"} {
		// Signed out: the sign-in page in the language chosen there.
		run(t, ctx, chromedp.Navigate(f.ts.URL+"/login"))
		if lang != "en" {
			switchLanguage(t, ctx, lang)
		}
		for _, v := range axeViolations(t, ctx, axe) {
			t.Errorf("%s /login: %s", lang, v)
		}
		browserSignIn(t, ctx, f.ts.URL, f.coordinator.Email)
		switchLanguage(t, ctx, lang)
		for _, p := range mainPages(f) {
			run(t, ctx, chromedp.Navigate(f.ts.URL+p), chromedp.WaitVisible(chromedp.CSS("main")))
			if got := eval[string](t, ctx, "document.documentElement.lang"); got != lang {
				t.Errorf("%s: lang = %q, want %q", p, got, lang)
			}
			for _, v := range axeViolations(t, ctx, axe) {
				t.Errorf("%s %s: %s", lang, p, v)
			}
		}
		run(t, ctx, chromedp.Navigate(f.ts.URL+"/"))
		eval[bool](t, ctx, `(() => { window.mnrOld = true; const f = document.querySelector("form.signout"); setTimeout(() => f.submit(), 0); return true; })()`)
		waitFor(t, ctx, `!window.mnrOld && location.pathname === "/login" && document.readyState === "complete"`)
	}
}
