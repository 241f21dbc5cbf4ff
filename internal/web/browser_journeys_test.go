package web_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// journeyCast is a national exercise in full: an assessment in review
// with an open thread, an approved earlier cycle shared with a partner, a
// police contribution still being answered and a prosecution contribution
// submitted (every agency agreeing, so adopt-all is offered).
type journeyCast struct {
	*agencies
	police, prosecution int64
	earlier             assessment.Assessment
	partner             assessment.User
}

func newJourneyCast(t *testing.T) *journeyCast {
	w := newAgencies(t)
	j := &journeyCast{agencies: w}
	j.police = w.invite(t, w.police, "2030-01-31", "law-enforcement")
	j.prosecution = w.invite(t, w.prosecution, "", "law-enforcement")
	w.answer(t, w.token(w.prosecutor), j.prosecution, "law-enforcement", nil)
	if r := w.api(w.token(w.prosecutor), "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", j.prosecution), nil); r.Status != 200 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	w.answer(t, w.token(w.officer), j.police, "law-enforcement", nil)
	w.answerAll(w.assess, nil, "Evidence")
	if r := w.api(w.token(w.coordinator), "POST", fmt.Sprintf("/api/v1/assessments/%d/transitions", w.assess.ID), map[string]any{"action": "submit"}); r.Status != 200 {
		t.Fatalf("submit for review: %d", r.Status)
	}
	bg := context.Background()
	if _, err := w.db.AddComment(bg, assessment.Actor{UserID: w.reviewer.ID, Name: "Reviewer"}, assessment.Comment{AssessmentID: w.assess.ID, Body: "Which budget line?"}); err != nil {
		t.Fatal(err)
	}
	j.earlier = w.app.assessment(w.org, nil)
	if err := w.db.SetStatus(bg, assessment.System, j.earlier.ID, assessment.StatusApproved); err != nil {
		t.Fatal(err)
	}
	partner, pu := w.partnerOrg("Child Rights Watch International", "analyst@crwi.example")
	if _, err := w.db.CreateShare(bg, assessment.System, w.org.ID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices); err != nil {
		t.Fatal(err)
	}
	j.partner = pu
	return j
}

// links lists the same-site paths the current page links to.
func links(t *testing.T, ctx context.Context) []string {
	return eval[[]string](t, ctx, `[...document.querySelectorAll("a[href]")].filter(a => a.origin === location.origin).map(a => a.pathname)`)
}

// reach walks the links from home, breadth first, and fails for each
// wanted page (a pattern) never reached; it follows only the pages of the
// journeys (assessments, contributions, the partner view), so it stays
// quick.
func reach(t *testing.T, ctx context.Context, base, who string, want ...string) {
	t.Helper()
	follow := regexp.MustCompile(`^/(assessments/\d+(/(capabilities/[a-z-]+|review|report|contributions|consolidation(/[a-z-]+)?))?|contributions/\d+(/capabilities/[a-z-]+)?|partner)?$`)
	pats := make([]*regexp.Regexp, len(want))
	for i, w := range want {
		pats[i] = regexp.MustCompile("^" + w + "$")
	}
	found := make([]bool, len(want))
	seen, queue := map[string]bool{"/": true}, []string{"/"}
	for len(queue) > 0 && len(seen) < 80 {
		p := queue[0]
		queue = queue[1:]
		run(t, ctx, chromedp.Navigate(base+p), chromedp.WaitVisible(chromedp.CSS("main")))
		for _, l := range links(t, ctx) {
			if seen[l] || !follow.MatchString(l) {
				continue
			}
			seen[l] = true
			for i, re := range pats {
				found[i] = found[i] || re.MatchString(l)
			}
			// Capability pages lead to more of the same: one is enough.
			if strings.Contains(l, "/capabilities/") || strings.Contains(l, "/consolidation/") {
				k := "more:" + l[:strings.LastIndex(l, "/")]
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			queue = append(queue, l)
		}
	}
	for i, ok := range found {
		if !ok {
			t.Errorf("%s: no link leads from home to %s", who, want[i])
		}
	}
}

func signOut(t *testing.T, ctx context.Context, base string) {
	run(t, ctx, chromedp.Navigate(base+"/"))
	eval[bool](t, ctx, `(() => { window.mnrOld = true; const f = document.querySelector("form.signout"); setTimeout(() => f.submit(), 0); return true; })()`)
	waitFor(t, ctx, `!window.mnrOld && location.pathname === "/login" && document.readyState === "complete"`)
}

// TestBrowserJourneysReachableFromHome: for each role, every page of its
// journey is reached by following links from home, the report included.
func TestBrowserJourneysReachableFromHome(t *testing.T) {
	ctx := browserCtx(t)
	j := newJourneyCast(t)
	a := fmt.Sprintf("/assessments/%d", j.assess.ID)
	cases := []struct {
		who   assessment.User
		pages []string
	}{
		{j.owner, []string{a, a + "/capabilities/[a-z-]+", a + "/review", a + "/report", a + "/consolidation"}},
		{j.coordinator, []string{a, a + "/capabilities/[a-z-]+", a + "/review", a + "/report", a + "/contributions",
			a + "/consolidation", a + "/consolidation/law-enforcement", fmt.Sprintf("/assessments/%d/report", j.earlier.ID)}},
		{j.officer, []string{fmt.Sprintf("/contributions/%d", j.police), fmt.Sprintf("/contributions/%d/capabilities/law-enforcement", j.police)}},
		{j.reviewer, []string{a, a + "/review", a + "/report", a + "/capabilities/[a-z-]+"}},
		{j.partner, []string{fmt.Sprintf("/assessments/%d/report", j.earlier.ID), "/partner"}},
	}
	for _, c := range cases {
		browserSignIn(t, ctx, j.ts.URL, c.who.Email)
		reach(t, ctx, j.ts.URL, c.who.Email, c.pages...)
		signOut(t, ctx, j.ts.URL)
	}
}

// TestBrowserConsolidationFitsAPhone: the consolidation pages fit a 360 px
// screen in every language, with the Adopt controls on screen.
func TestBrowserConsolidationFitsAPhone(t *testing.T) {
	ctx := browserCtx(t)
	j := newJourneyCast(t)
	browserSignIn(t, ctx, j.ts.URL, j.coordinator.Email)
	run(t, ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	pages := []string{fmt.Sprintf("/assessments/%d/consolidation", j.assess.ID), fmt.Sprintf("/assessments/%d/consolidation/law-enforcement", j.assess.ID)}
	for _, lang := range []string{"en", "ar", "fr", "es"} {
		run(t, ctx, chromedp.Navigate(j.ts.URL+"/"))
		switchLanguage(t, ctx, lang)
		for _, p := range pages {
			run(t, ctx, chromedp.Navigate(j.ts.URL+p), chromedp.WaitVisible(chromedp.CSS("main")))
			if w := eval[int](t, ctx, "document.documentElement.scrollWidth"); w > 360 {
				wide := eval[string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().width > 361).slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().width) + "px").join(", ")`)
				t.Errorf("%s %s: %dpx wide on a 360px screen (%s)", lang, p, w, wide)
			}
		}
		off := eval[int](t, ctx, `[...document.querySelectorAll(".positions button, #adopt-agreed button")].filter(b => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > 360 || r.width === 0; }).length`)
		n := eval[int](t, ctx, `document.querySelectorAll(".positions button, #adopt-agreed button").length`)
		if n == 0 || off > 0 {
			t.Errorf("%s: %d of %d Adopt controls off screen", lang, off, n)
		}
	}
}

// TestBrowserJourneyPagesAreAccessible runs axe on the new pages and
// states, in English and Arabic: home with a review task and with shared
// reports, the overview's next steps, the consolidation with adopt-all,
// the contribution's confirmation page and the approval's confirmation
// step.
func TestBrowserJourneyPagesAreAccessible(t *testing.T) {
	ctx := browserCtx(t)
	axe := axeSource(t)
	j := newJourneyCast(t)
	a := fmt.Sprintf("/assessments/%d", j.assess.ID)
	type step struct {
		path   string
		submit string // a form to submit on the page, to reach a confirmation step
		expect string // what must then be on the page
	}
	people := []struct {
		who   assessment.User
		steps []step
	}{
		{j.coordinator, []step{{path: "/"}, {path: a, expect: "#next-steps"}, {path: a + "/consolidation/law-enforcement", expect: "#adopt-agreed"}}},
		{j.reviewer, []step{{path: "/", expect: "#tasks-review"}, {path: a + "/review", submit: `form[data-action="approve"]`, expect: "#confirm-approve"}}},
		{j.policeLead, []step{{path: fmt.Sprintf("/contributions/%d", j.police), submit: `form[action$="/submit"]`, expect: "#confirm-submit"}}},
		{j.partner, []step{{path: "/", expect: "#shared-list"}}},
	}
	for _, lang := range []string{"en", "ar"} {
		for _, p := range people {
			browserSignIn(t, ctx, j.ts.URL, p.who.Email)
			switchLanguage(t, ctx, lang)
			for _, s := range p.steps {
				run(t, ctx, chromedp.Navigate(j.ts.URL+s.path), chromedp.WaitVisible(chromedp.CSS("main")))
				if s.submit != "" {
					eval[bool](t, ctx, fmt.Sprintf(`(() => { window.mnrOld = true; const f = document.querySelector(%q); setTimeout(() => f.submit(), 0); return true; })()`, s.submit))
					waitFor(t, ctx, `!window.mnrOld && document.readyState === "complete"`)
				}
				if s.expect != "" && !eval[bool](t, ctx, fmt.Sprintf(`!!document.querySelector(%q)`, s.expect)) {
					t.Errorf("%s %s %s: %s missing", lang, p.who.Email, s.path, s.expect)
				}
				for _, v := range axeViolations(t, ctx, axe) {
					t.Errorf("%s %s %s: %s", lang, p.who.Email, url.PathEscape(s.path), v)
				}
			}
			signOut(t, ctx, j.ts.URL)
		}
	}
}
