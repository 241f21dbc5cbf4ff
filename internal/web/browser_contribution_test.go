package web_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserContributionAutosaveAndAccessibility: an agency answers with
// the autosave script, as on the national page, and the contribution,
// consolidation and notification pages pass axe with real content.
func TestBrowserContributionAutosaveAndAccessibility(t *testing.T) {
	police := browserCtx(t) // skips without Chromium before the slow set-up
	axe := axeSource(t)
	w := newAgencies(t)
	due := time.Now().UTC().AddDate(0, 0, 2).Format(time.DateOnly)
	pc := w.invite(t, w.police, due, "law-enforcement", "judiciary-prosecutors")
	pro := w.invite(t, w.prosecution, due, "judiciary-prosecutors")
	proTok, policeTok := w.token(w.prosecutor), w.token(w.policeLead)
	jp := w.fw.Capability("judiciary-prosecutors").Indicators
	w.answer(t, proTok, pro, "judiciary-prosecutors", map[string]string{jp[0].Key: "no"})
	if r := w.api(proTok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", pro), nil); r.Status != 200 {
		t.Fatalf("prosecution submit: %d %s", r.Status, r.Raw)
	}

	browserSignIn(t, police, w.ts.URL, w.policeLead.Email)
	page := fmt.Sprintf("%s/contributions/%d/capabilities/judiciary-prosecutors", w.ts.URL, pc)
	run(t, police, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("fieldset.indicator")))
	for _, in := range jp {
		run(t, police, chromedp.Click(chromedp.ID("answer-"+in.Key+"-yes")))
	}
	waitFor(t, police, fmt.Sprintf(`document.querySelectorAll(".save-state[data-state=saved]").length === %d`, len(jp)))
	r := w.api(policeTok, "GET", fmt.Sprintf("/api/v1/contributions/%d", pc), nil)
	answered := 0
	for _, x := range r.Body["answers"].([]any) {
		if a := x.(map[string]any); a["capability"] == "judiciary-prosecutors" && a["answer"] == "yes" && a["version"] == float64(1) {
			answered++
		}
	}
	if answered != len(jp) {
		t.Errorf("autosaved answers: %d of %d", answered, len(jp))
	}
	for _, p := range []string{"/", fmt.Sprintf("/contributions/%d", pc), fmt.Sprintf("/contributions/%d/capabilities/judiciary-prosecutors", pc), "/notifications"} {
		run(t, police, chromedp.Navigate(w.ts.URL+p), chromedp.WaitVisible(chromedp.CSS("main")))
		for _, v := range axeViolations(t, police, axe) {
			t.Errorf("police %s: %s", p, v)
		}
	}

	w.answer(t, policeTok, pc, "law-enforcement", nil)
	if r := w.api(policeTok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", pc), nil); r.Status != 200 {
		t.Fatalf("police submit: %d %s", r.Status, r.Raw)
	}
	coordTok := w.token(w.coordinator)
	if r := w.api(coordTok, "POST", fmt.Sprintf("/api/v1/assessments/%d/consolidation/%s", w.assess.ID, jp[0].Key), map[string]any{"contribution_id": pro, "version": 0}); r.Status != 200 {
		t.Fatalf("adopt: %d %s", r.Status, r.Raw)
	}
	coord := browserCtx(t)
	browserSignIn(t, coord, w.ts.URL, w.coordinator.Email)
	base := fmt.Sprintf("/assessments/%d", w.assess.ID)
	for _, p := range []string{"/", base, base + "/contributions", base + "/consolidation", base + "/consolidation/judiciary-prosecutors", base + "/capabilities/judiciary-prosecutors"} {
		run(t, coord, chromedp.Navigate(w.ts.URL+p), chromedp.WaitVisible(chromedp.CSS("main")))
		for _, v := range axeViolations(t, coord, axe) {
			t.Errorf("coordinator %s: %s", p, v)
		}
	}
}
