package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// TestBrowserPlanFromGapAndAgencyUpdate: the coordinator plans an action
// from a capability's gap (the form prefilled from a recommendation), the
// plan page passes axe and fits a 360px screen in Arabic, and, after
// approval, the police update the action's status from their home page.
func TestBrowserPlanFromGapAndAgencyUpdate(t *testing.T) {
	ctx := browserCtx(t)
	axe := axeSource(t)
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 1}, "Decree 7/2025")
	browserSignIn(t, ctx, f.ts.URL, f.coordinator.Email)

	run(t, ctx, chromedp.Navigate(fmt.Sprintf("%s/assessments/%d/capabilities/leadership", f.ts.URL, f.assess.ID)),
		chromedp.WaitVisible(chromedp.ID("plan-gap")))
	eval[bool](t, ctx, `(() => { window.mnrOld = true; setTimeout(() => document.querySelector("#plan-gap-recs a").click(), 0); return true; })()`)
	waitFor(t, ctx, `!window.mnrOld && location.pathname.endsWith("/plan/new") && document.readyState === "complete"`)
	if title := eval[string](t, ctx, `document.getElementById("title").value`); title == "" {
		t.Fatal("the form is not prefilled from the recommendation")
	}
	for _, v := range axeViolations(t, ctx, axe) {
		t.Errorf("action form: %s", v)
	}
	run(t, ctx,
		chromedp.SetValue(chromedp.CSS("#owner_organisation_id"), fmt.Sprint(f.police.ID)),
		chromedp.SetValue(chromedp.CSS("#start_date"), "2026-01-15"),
		chromedp.SetValue(chromedp.CSS("#due_date"), "2026-12-31"),
		chromedp.SetValue(chromedp.CSS("#budget_amount"), "250000"),
		chromedp.SetValue(chromedp.CSS("#currency"), "USD"),
		chromedp.SetValue(chromedp.CSS("#funding"), "donor"))
	eval[bool](t, ctx, `(() => { window.mnrOld = true; setTimeout(() => document.getElementById("action-save").click(), 0); return true; })()`)
	waitFor(t, ctx, `!window.mnrOld && location.pathname.endsWith("/plan") && document.readyState === "complete"`)
	acts, err := f.db.Actions(t.Context(), f.assess.ID)
	if err != nil || len(acts) != 1 || acts[0].OwnerOrganisationID == nil || *acts[0].OwnerOrganisationID != f.police.ID ||
		len(acts[0].Indicators) == 0 || acts[0].Currency != "USD" {
		t.Fatalf("planned action: %+v %v", acts, err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".plan-action").length`); n != 1 {
		t.Errorf("plan page shows %d actions", n)
	}
	for _, v := range axeViolations(t, ctx, axe) {
		t.Errorf("plan page: %s", v)
	}
	switchLanguage(t, ctx, "ar")
	run(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile),
		chromedp.Navigate(fmt.Sprintf("%s/assessments/%d/plan", f.ts.URL, f.assess.ID)), chromedp.WaitVisible(chromedp.CSS("main")))
	if w := eval[int](t, ctx, "document.documentElement.scrollWidth"); w > 360 {
		t.Errorf("Arabic plan page is %dpx wide on a 360px screen", w)
	}
	for _, v := range axeViolations(t, ctx, axe) {
		t.Errorf("Arabic plan page: %s", v)
	}

	f.approve(f.assess)
	police := browserCtx(t)
	browserSignIn(t, police, f.ts.URL, f.policeUser.Email)
	sel := fmt.Sprintf("#task-action-%d", acts[0].ID)
	run(t, police, chromedp.WaitVisible(chromedp.CSS(sel)),
		chromedp.SetValue(chromedp.CSS(sel+" select[name=status]"), "done"),
		chromedp.SetValue(chromedp.CSS(sel+" textarea[name=status_note]"), "Team in place; first cases opened."))
	for _, v := range axeViolations(t, police, axe) {
		t.Errorf("home with tasks: %s", v)
	}
	eval[bool](t, police, `(() => { window.mnrOld = true; setTimeout(() => document.querySelector("`+sel+` button[type=submit]").click(), 0); return true; })()`)
	waitFor(t, police, `!window.mnrOld && location.pathname === "/" && document.readyState === "complete"`)
	if flash := eval[string](t, police, `(document.querySelector(".flash") || {}).textContent || ""`); !strings.Contains(flash, acts[0].Title) {
		t.Errorf("flash after the update: %q", flash)
	}
	act, err := f.db.Action(t.Context(), acts[0].ID)
	if err != nil || act.Status != assessment.ActionDone || act.StatusNote != "Team in place; first cases opened." {
		t.Errorf("after the police's update: %+v %v", act, err)
	}
}
