package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// TestBrowserWorkflowPagesAreAccessible checks the review, cycle, progress,
// sharing and partner pages with axe, with their content present: comments,
// carried-forward answers, two cycles and a share.
func TestBrowserWorkflowPagesAreAccessible(t *testing.T) {
	first := browserCtx(t) // skips without Chromium before the slow set-up
	axe := axeSource(t)
	f := newFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 2}, "Evidence")
	f.approve(f.assess)
	id := f.nextCycle(f.session(f.coordinator), f.assess, "2027")
	bg := context.Background()
	if _, err := f.db.AddComment(bg, assessment.Actor{UserID: f.reviewer.ID, Name: "reviewer"}, assessment.Comment{AssessmentID: id, CapabilityKey: "leadership", Body: "Source?"}); err != nil {
		t.Fatal(err)
	}
	partner, pu := f.partnerOrg("Child Rights Watch International", "analyst@crwi.example")
	if _, err := f.db.CreateShare(bg, assessment.System, f.org.ID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices); err != nil {
		t.Fatal(err)
	}
	pages := map[string][]string{
		f.owner.Email: {
			fmt.Sprintf("/assessments/%d", id),
			fmt.Sprintf("/assessments/%d/capabilities/leadership", id),
			fmt.Sprintf("/assessments/%d/review", id),
			fmt.Sprintf("/assessments/%d/review", f.assess.ID),
			fmt.Sprintf("/assessments/%d/next-cycle", f.assess.ID),
			fmt.Sprintf("/organisations/%d/progress", f.org.ID),
			fmt.Sprintf("/organisations/%d/sharing", f.org.ID),
		},
		pu.Email: {"/partner", fmt.Sprintf("/assessments/%d/report", f.assess.ID)},
	}
	for i, email := range []string{f.owner.Email, pu.Email} {
		ctx := first
		if i > 0 {
			ctx = browserCtx(t) // a browser of its own per person, no sign-out needed
		}
		browserSignIn(t, ctx, f.ts.URL, email)
		for _, p := range pages[email] {
			run(t, ctx, chromedp.Navigate(f.ts.URL+p), chromedp.WaitVisible(chromedp.CSS("main")))
			for _, v := range axeViolations(t, ctx, axe) {
				t.Errorf("%s: %s", p, v)
			}
		}
	}
}
