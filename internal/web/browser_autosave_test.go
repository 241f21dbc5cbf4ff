package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// throttle slows every request of the tab by latency, as on a slow link.
func throttle(t *testing.T, ctx context.Context, latency time.Duration) {
	t.Helper()
	run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: float64(latency.Milliseconds()), DownloadThroughput: -1, UploadThroughput: -1}}})
		return err
	}))
}

// stopServer closes the app's listener (requests are refused, as when the
// server is down) and returns the function that starts it again on the
// same address.
func stopServer(t *testing.T, a *app) func() {
	t.Helper()
	addr := a.ts.Listener.Addr().String()
	a.ts.Close()
	return func() {
		t.Helper()
		l, err := net.Listen("tcp", addr)
		if err != nil {
			t.Fatalf("listen again on %s: %v", addr, err)
		}
		ts := httptest.NewUnstartedServer(a.srv)
		ts.Listener.Close()
		ts.Listener = l
		ts.Start()
		t.Cleanup(ts.Close)
		a.ts = ts
	}
}

// newTab opens a tab in the browser of ctx (same cookies and storage); it
// is started without a time limit, which would close it.
func newTab(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tab
}

// choose picks an option of a select as a person does: the value, then
// the change event.
func choose(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, id, value))
}

// signIn signs in through the sign-in form, filled by script (the
// keyboard path has its own test).
func signIn(t *testing.T, ctx context.Context, base, email string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.ID("email")))
	eval[bool](t, ctx, fmt.Sprintf(`(() => { document.getElementById("email").value = %q; document.getElementById("password").value = %q;
		const f = document.getElementById("email").form; setTimeout(() => f.submit(), 0); return true; })()`, email, testPassword))
	waitFor(t, ctx, `location.pathname === "/" && document.readyState === "complete"`)
}

// storedAnswer reads an indicator's stored answer through the API.
func (f *fixture) storedAnswer(t *testing.T, key string) map[string]any {
	t.Helper()
	r := f.api(f.token(f.owner), "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil)
	return indicator(t, capability(t, r, f.fw.Indicator(key).Capability.Key), key)
}

// eventually polls the database until cond holds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestBrowserAutosaveKeepsEveryChange: one person on a slow link, then
// with the server down. A quick Yes → No → Partly ends with Partly stored
// and no conflict; a change made while the server is stopped is saved when
// it is back, also when the page was closed and opened again meanwhile.
func TestBrowserAutosaveKeepsEveryChange(t *testing.T) {
	browser := browserCtx(t)
	f := newFixture(t)
	signIn(t, browser, f.ts.URL, f.coordinator.Email)
	// The page opens in a tab of its own, so it can be closed while the
	// browser (its cookies and storage) stays.
	ctx := newTab(t, browser)
	pageURL := fmt.Sprintf("%s/assessments/%d/capabilities/leadership", f.ts.URL, f.assess.ID)
	run(t, ctx, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.CSS("fieldset.indicator")))

	throttle(t, ctx, 900*time.Millisecond)
	for _, v := range []string{"yes", "no", "partly"} {
		run(t, ctx, chromedp.Click(chromedp.ID("answer-leadership-1-"+v)))
		time.Sleep(300 * time.Millisecond)
	}
	eventually(t, "the last choice stored", func() bool { return f.storedAnswer(t, "leadership-1")["answer"] == "partly" })
	waitFor(t, ctx, `document.querySelector("#leadership-1 .save-state").dataset.state === "saved"`)
	time.Sleep(2 * time.Second) // nothing else is on its way
	if got := f.storedAnswer(t, "leadership-1")["answer"]; got != "partly" {
		t.Errorf("stored %v after the last save, want partly", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".conflict, .save-state[data-state=failed]").length`); n != 0 {
		t.Errorf("%d conflicts or failures shown for one person's own changes", n)
	}
	// The state sits right under the answers, not at the end of the fieldset.
	if !eval[bool](t, ctx, `document.querySelector("#leadership-1 .answers").nextElementSibling.classList.contains("save-state")`) {
		t.Error("the save state is not next to the answers")
	}
	throttle(t, ctx, 0)

	restart := stopServer(t, f.app)
	run(t, ctx, chromedp.Click(chromedp.ID("answer-leadership-2-no")))
	waitFor(t, ctx, `document.querySelector("#leadership-2 .save-state").dataset.state === "waiting"`)
	if got := eval[string](t, ctx, `document.querySelector("#leadership-2 .save-state").textContent`); got != "1 change waiting to be saved — retrying" {
		t.Errorf("waiting state = %q", got)
	}
	if got := eval[string](t, ctx, `document.getElementById("autosave-live").textContent`); got != "1 change waiting to be saved — retrying" {
		t.Errorf("announced %q", got)
	}
	queue := fmt.Sprintf(`localStorage.getItem("mnr-autosave:%d:/assessments/%d/capabilities/leadership")`, f.coordinator.ID, f.assess.ID)
	if !eval[bool](t, ctx, queue+`.includes('"answer":"no"')`) {
		t.Error("the unsaved change is not queued in the browser's storage")
	}
	restart()
	eventually(t, "the queued answer saved after the restart", func() bool { return f.storedAnswer(t, "leadership-2")["answer"] == "no" })
	waitFor(t, ctx, `document.querySelector("#leadership-2 .save-state").dataset.state === "saved"`)

	// Across a reload: the page is closed while the change is queued, and
	// opened again once the server is back.
	restart = stopServer(t, f.app)
	run(t, ctx, chromedp.Click(chromedp.ID("answer-leadership-3-partly")))
	waitFor(t, ctx, `document.querySelector("#leadership-3 .save-state").dataset.state === "waiting"`)
	if err := chromedp.Cancel(ctx); err != nil {
		t.Fatalf("close the first tab: %v", err)
	}
	restart()
	tab := newTab(t, browser)
	run(t, tab, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.CSS("fieldset.indicator")))
	eventually(t, "the queued answer saved after the reload", func() bool { return f.storedAnswer(t, "leadership-3")["answer"] == "partly" })
	waitFor(t, tab, `document.querySelector("#leadership-3 .save-state").dataset.state === "saved" && document.getElementById("answer-leadership-3-partly").checked`)
	waitFor(t, tab, queue+` === null`)
	for key, want := range map[string]string{"leadership-1": "partly", "leadership-2": "no"} {
		if got := f.storedAnswer(t, key)["answer"]; got != want {
			t.Errorf("%s = %v after the reload, want %s", key, got, want)
		}
	}
	// Leaving warns only while something is unsaved; signing out leaves
	// nothing of this person in the browser's storage.
	var mu sync.Mutex
	var dialogs []string
	events := chromedp.Events(tab, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			mu.Lock()
			dialogs = append(dialogs, string(ev.Type))
			mu.Unlock()
			go chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	run(t, tab, chromedp.Navigate(pageURL), chromedp.WaitVisible(chromedp.ID("confirmed_phase")))
	run(t, tab, chromedp.Click(chromedp.ID("lead"))) // a person's gesture: browsers warn only then
	choose(t, tab, "confirmed_phase", "4")           // held until a justification is written
	waitFor(t, tab, queue+` !== null && document.querySelector("#judgement .save-state").dataset.state === "held"`)
	eval[bool](t, tab, `(() => { window.mnrOld = true; const f = document.querySelector("form.signout"); setTimeout(() => f.requestSubmit(), 0); return true; })()`)
	waitFor(t, tab, `!window.mnrOld && location.pathname === "/login"`)
	mu.Lock()
	if fmt.Sprint(dialogs) != "[beforeunload]" {
		t.Errorf("dialogs = %v, want one beforeunload warning (at the sign-out with an unsaved phase, none at the saved reload)", dialogs)
	}
	mu.Unlock()
	if n := eval[int](t, tab, `Object.keys(localStorage).filter(k => k.startsWith("mnr-autosave:")).length`); n != 0 {
		t.Errorf("%d queues left in the browser's storage after signing out", n)
	}
}

// TestBrowserTwoPeopleOnOneCapability: two people on the same indicator
// see who changed it, when, the stored value beside theirs, and both ways
// out work; two people changing different fields of the phase block both
// succeed.
func TestBrowserTwoPeopleOnOneCapability(t *testing.T) {
	owner := browserCtx(t)
	coord := browserCtx(t)
	axe := axeSource(t)
	f := newFixture(t)
	page := fmt.Sprintf("%s/assessments/%d/capabilities/leadership", f.ts.URL, f.assess.ID)
	for _, p := range []struct {
		ctx   context.Context
		email string
	}{{owner, f.owner.Email}, {coord, f.coordinator.Email}} {
		signIn(t, p.ctx, f.ts.URL, p.email)
		run(t, p.ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("fieldset.indicator")))
	}
	run(t, owner, chromedp.Click(chromedp.ID("answer-leadership-1-no")))
	eventually(t, "the owner's answer", func() bool { return f.storedAnswer(t, "leadership-1")["answer"] == "no" })

	// The coordinator, on the version they opened, answers Yes: who, when,
	// stored beside theirs, and the choice.
	run(t, coord, chromedp.Click(chromedp.ID("answer-leadership-1-yes")))
	waitFor(t, coord, `!!document.querySelector("#leadership-1 .conflict")`)
	msg := eval[string](t, coord, `document.querySelector("#leadership-1 .conflict-message").textContent`)
	if !strings.HasPrefix(msg, "owner changed indicator 1.1 (“") || !strings.Contains(msg, " UTC, after you opened it.") {
		t.Errorf("conflict message = %q", msg)
	}
	if got := eval[string](t, coord, `document.querySelector("#leadership-1 .conflict dl").innerText.replace(/\s+/g, " ").trim()`); got != "Answer to indicator 1.1 Stored now: No Yours: Yes" {
		t.Errorf("stored beside yours = %q", got)
	}
	if got := eval[string](t, coord, `document.getElementById("autosave-live").textContent`); got != msg {
		t.Errorf("conflict announced as %q", got)
	}
	for _, v := range axeViolations(t, coord, axe) {
		t.Errorf("conflict shown: %s", v)
	}
	run(t, coord, chromedp.Click(chromedp.CSS(`#leadership-1 .conflict [data-choice="mine"]`)))
	eventually(t, "keep mine", func() bool { return f.storedAnswer(t, "leadership-1")["answer"] == "yes" })
	waitFor(t, coord, `!document.querySelector("#leadership-1 .conflict") && document.querySelector("#leadership-1 .save-state").dataset.state === "saved"`)

	// The owner, still on the version they saved, writes evidence and
	// changes the answer: the answer conflicts, the evidence does not.
	run(t, owner, chromedp.Click(chromedp.ID("evidence-leadership-1")), chromedp.KeyEvent("Cabinet decision 4/2025"),
		chromedp.Click(chromedp.ID("answer-leadership-1-partly")))
	waitFor(t, owner, `!!document.querySelector("#leadership-1 .conflict")`)
	if got := eval[string](t, owner, `[...document.querySelectorAll("#leadership-1 .conflict dt")].map(e => e.textContent).join("|")`); got != "Answer to indicator 1.1" {
		t.Errorf("conflicting fields = %q, want only the answer", got)
	}
	run(t, owner, chromedp.Click(chromedp.CSS(`#leadership-1 .conflict [data-choice="theirs"]`)))
	eventually(t, "use theirs", func() bool {
		a := f.storedAnswer(t, "leadership-1")
		return a["answer"] == "yes" && a["evidence"] == "Cabinet decision 4/2025"
	})
	waitFor(t, owner, `document.getElementById("answer-leadership-1-yes").checked && !document.querySelector("#leadership-1 .conflict")`)

	// The phase block: the target by one, the priority by the other.
	choose(t, owner, "target_phase", "3")
	waitFor(t, owner, `document.querySelector("#judgement .save-state").dataset.state === "saved"`)
	choose(t, coord, "priority", "high")
	waitFor(t, coord, `document.querySelector("#judgement .save-state").dataset.state === "saved"`)
	c := capability(t, f.api(f.token(f.owner), "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil), "leadership")
	if c["target_phase"] != float64(3) || c["priority"] != "high" || c["version"] != float64(2) {
		t.Errorf("stored phases: target %v, priority %v, version %v", c["target_phase"], c["priority"], c["version"])
	}
	if got := eval[string](t, coord, `document.getElementById("target_phase").value`); got != "3" {
		t.Errorf("the coordinator's page shows target %q, not the stored one", got)
	}
	if n := eval[int](t, coord, `document.querySelectorAll(".conflict").length`); n != 0 {
		t.Errorf("%d conflicts shown for different fields", n)
	}
}

// TestBrowserJustificationLanguageAndPhone: on a 360px phone the state
// shows next to the control, clear of the sticky Save bar; a phase other
// than the suggestion asks for a justification without an error, and
// saving without one marks the field and moves focus to it; the language
// menu ignores arrow keys and switches on Enter. Then, in Arabic, the
// conflict panel and the prompt pass axe.
func TestBrowserJustificationLanguageAndPhone(t *testing.T) {
	ctx := browserCtx(t)
	axe := axeSource(t)
	f := newFixture(t)
	signIn(t, ctx, f.ts.URL, f.coordinator.Email)
	run(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	page := fmt.Sprintf("%s/assessments/%d/capabilities/leadership", f.ts.URL, f.assess.ID)
	run(t, ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("confirmed_phase")))

	// An answer given at the bottom of the screen, just above the Save bar.
	eval[bool](t, ctx, `(() => { const a = document.querySelector("#leadership-3 .answers").getBoundingClientRect();
		const bar = document.querySelector(".form-actions").getBoundingClientRect();
		window.scrollBy(0, a.bottom - (innerHeight - bar.height) + 2); return true; })()`)
	run(t, ctx, chromedp.Click(chromedp.ID("answer-leadership-3-yes")))
	waitFor(t, ctx, `document.querySelector("#leadership-3 .save-state").dataset.state === "saved"`)
	if !eval[bool](t, ctx, `(() => { const r = document.querySelector("#leadership-3 .save-state").getBoundingClientRect();
		const bar = document.querySelector(".form-actions").getBoundingClientRect();
		return r.top >= 0 && r.bottom <= innerHeight && r.bottom <= bar.top; })()`) {
		t.Error("on a 360px phone the save state is off screen or under the Save bar")
	}

	choose(t, ctx, "confirmed_phase", "3")
	waitFor(t, ctx, `document.querySelector("#judgement .save-state").dataset.state === "held"`)
	if !eval[bool](t, ctx, `!document.getElementById("justification-prompt").hidden && !document.getElementById("justification-error") && !document.getElementById("justification").hasAttribute("aria-invalid")`) {
		t.Error("choosing a phase shows an error before anyone could write the justification")
	}
	if got := eval[string](t, ctx, `document.getElementById("justification").getAttribute("aria-describedby")`); got != "justification-prompt" {
		t.Errorf("justification described by %q", got)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS(`.form-actions button[value="stay"]`)))
	waitFor(t, ctx, `!!document.getElementById("justification-error")`)
	if !eval[bool](t, ctx, `(() => { const ta = document.getElementById("justification");
		return document.activeElement === ta && ta.getAttribute("aria-invalid") === "true" && ta.getAttribute("aria-describedby") === "justification-error"; })()`) {
		t.Error("saving without a justification does not mark the field and move focus to it")
	}
	run(t, ctx, chromedp.KeyEvent("Budget for the secretariat was cut in 2026"))
	waitFor(t, ctx, `document.querySelector("#judgement .save-state").dataset.state === "saved"`)
	c := capability(t, f.api(f.token(f.owner), "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil), "leadership")
	if c["chosen_phase"] != float64(3) || c["justification"] != "Budget for the secretariat was cut in 2026" {
		t.Errorf("phase saved with its justification: %v, %v", c["chosen_phase"], c["justification"])
	}
	if eval[bool](t, ctx, `!!document.getElementById("justification-error")`) {
		t.Error("the error stays after the justification was written")
	}

	// The language menu: arrow keys only move the choice; Enter applies it.
	run(t, ctx, chromedp.Focus(chromedp.ID("lang-switch")))
	eval[bool](t, ctx, `window.mnrOld = true`)
	run(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	time.Sleep(time.Second)
	if !eval[bool](t, ctx, `window.mnrOld === true && document.documentElement.lang === "en"`) {
		t.Fatal("the language changed on an arrow key")
	}
	run(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `!window.mnrOld && document.readyState === "complete" && document.documentElement.lang === "ar"`)

	// In Arabic: a conflict (someone else answered leadership-2) and the prompt.
	f.api(f.token(f.owner), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-2", f.assess.ID), map[string]any{"answer": "no", "version": 0})
	run(t, ctx, chromedp.Click(chromedp.ID("answer-leadership-2-yes")))
	choose(t, ctx, "confirmed_phase", "2")
	waitFor(t, ctx, `!!document.querySelector("#leadership-2 .conflict") && !document.getElementById("justification-prompt").hidden`)
	if got := eval[string](t, ctx, `document.querySelector("#leadership-2 .conflict-message").textContent`); !strings.Contains(got, "المؤشر \u2068"+assessment.IndicatorNumber(f.fw.Indicator("leadership-2"))+"\u2069") {
		t.Errorf("Arabic conflict message = %q", got)
	}
	for _, v := range axeViolations(t, ctx, axe) {
		t.Errorf("ar conflict and prompt: %s", v)
	}
}
