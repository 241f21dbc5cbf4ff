package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Starting the next cycle carries the open actions with their history;
// done and dropped ones stay with their cycle, and the old copies stop
// changing.
func TestPlanCarryForward(t *testing.T) {
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 1}, "Decree 7/2025")
	tok := f.token(f.coordinator)
	open := f.createAction(f.assess, f.actionBody("Adopt a national CSEA strategy"))
	done := f.createAction(f.assess, with(f.actionBody("Publish the hotline figures"), "status", "done"))
	dropped := f.createAction(f.assess, with(f.actionBody("Buy a new database"), "status", "dropped"))
	f.approve(f.assess)
	res := f.api(tok, "PUT", fmt.Sprintf("/api/v1/actions/%d", open), with(f.actionBody("Adopt a national CSEA strategy"),
		"version", 1, "budget_amount", "125000.50", "status", "in_progress", "status_note", "Consultation held in May."))
	if res.Status != 200 {
		t.Fatalf("status: %d %s", res.Status, res.Raw)
	}
	next := f.nextCycle(f.session(f.coordinator), f.assess, "2027")

	acts, err := f.db.Actions(t.Context(), next)
	if err != nil || len(acts) != 1 {
		t.Fatalf("next cycle's actions: %+v %v", acts, err)
	}
	c := acts[0]
	if c.PreviousID == nil || *c.PreviousID != open || c.Title != "Adopt a national CSEA strategy" || c.Status != assessment.ActionInProgress ||
		c.StatusNote != "Consultation held in May." || c.Version != 1 || c.OwnerName != "Demoland Police" {
		t.Errorf("carried action: %+v", c)
	}
	h, _ := f.db.ActionUpdates(t.Context(), []int64{c.ID})
	if len(h[c.ID]) != 2 || h[c.ID][0].Status != assessment.ActionPlanned || h[c.ID][1].Note != "Consultation held in May." {
		t.Errorf("carried history: %+v", h[c.ID])
	}
	old, _ := f.db.Actions(t.Context(), f.assess.ID)
	for _, a := range old {
		switch a.ID {
		case open:
			if a.CarriedToID == nil || *a.CarriedToID != c.ID {
				t.Errorf("old action not marked continued: %+v", a)
			}
		case done, dropped:
			if a.CarriedToID != nil {
				t.Errorf("closed action %d carried", a.ID)
			}
		}
	}
	if res := f.api(tok, "PUT", fmt.Sprintf("/api/v1/actions/%d", open), with(f.actionBody("Adopt a national CSEA strategy"),
		"version", 3, "budget_amount", "125000.50", "status", "done")); res.Status != 409 {
		t.Errorf("status of the continued old action: %d %s", res.Status, res.Raw)
	}
	// The new cycle's plan is a draft: its action changes again.
	_, doc := f.session(f.coordinator).get(fmt.Sprintf("/assessments/%d/plan", next))
	art := doc.Find(fmt.Sprintf("#action-%d", c.ID))
	if art.Length() != 1 || !strings.Contains(art.Text(), "carried from the previous cycle") || art.Find(".plan-history li").Length() != 2 {
		t.Errorf("carried action on the plan page: %q", art.Text())
	}
}

// The HTML form: bad input comes back beside its field with the input
// kept and nothing saved; good input lands on the plan page.
func TestPlanFormFromGap(t *testing.T) {
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 1}, "Decree 7/2025")
	b := f.session(f.coordinator)
	_, capPage := b.get(fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID))
	gap := capPage.Find("#plan-gap")
	unmet := f.fw.Capability("leadership").IndicatorsByPhase(2)
	if gap.Length() != 1 || gap.Find("#plan-gap-indicators li").Length() != len(unmet) || gap.Find("#plan-gap-recs li").Length() == 0 {
		t.Fatalf("gap panel: %q", gap.Text())
	}
	href, _ := gap.Find("#plan-gap-recs a").First().Attr("href")
	_, form := b.get(href)
	title, _ := form.Find("#title").Attr("value")
	if title == "" || form.Find("#description").Text() == "" || form.Find("input[name=indicators]:checked").Length() != len(unmet) {
		t.Fatalf("prefilled form: title %q, %d indicators checked", title, form.Find("input[name=indicators]:checked").Length())
	}
	values := url.Values{"capability": {"leadership"}, "title": {title}, "description": {"Steps"}, "indicators": {unmet[0].Key},
		"owner_organisation_id": {fmt.Sprint(f.police.ID)}, "start_date": {"2026-03-01"}, "due_date": {"2026-02-01"},
		"budget_amount": {"5000"}, "currency": {"EUR"}, "funding": {"domestic"}, "status": {"planned"}}
	res, doc := b.post(fmt.Sprintf("/assessments/%d/plan", f.assess.ID), values)
	if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#error-due_date").Length() != 1 {
		t.Fatalf("due before start: %d %q", res.StatusCode, doc.Find(".field-error").Text())
	}
	if v, _ := doc.Find("#budget_amount").Attr("value"); v != "5000" {
		t.Errorf("input not kept: budget %q", v)
	}
	values.Set("currency", "EURO")
	values.Set("due_date", "2026-12-31")
	if res, doc := b.post(fmt.Sprintf("/assessments/%d/plan", f.assess.ID), values); res.StatusCode != 422 || doc.Find("#error-currency").Length() != 1 {
		t.Fatalf("unknown currency: %d", res.StatusCode)
	}
	if acts, _ := f.db.Actions(t.Context(), f.assess.ID); len(acts) != 0 {
		t.Fatalf("saved from bad input: %d", len(acts))
	}
	values.Set("currency", "eur")
	res, _ = b.post(fmt.Sprintf("/assessments/%d/plan", f.assess.ID), values)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	_, plan := b.get(fmt.Sprintf("/assessments/%d/plan", f.assess.ID))
	if plan.Find(".plan-action").Length() != 1 || !strings.Contains(plan.Find("#plan-totals").Text(), "EUR") ||
		plan.Find("#plan-timeline svg").Length() != 1 || plan.Find("#timeline-table tbody tr").Length() != 1 {
		t.Errorf("plan page: %q", plan.Find("main").Text())
	}
}

// The conditional update holds on both databases: of two saves at the same
// version, one wins and the other gets 409 with the stored action.
func TestPlanConcurrentSaves(t *testing.T) {
	for name, dsn := range databases(t) {
		t.Run(name, func(t *testing.T) {
			a := newAppOn(t, openStore(t, dsn))
			f := &planFixture{fixture: &fixture{app: a}}
			f.org = a.org("Ministry", "XD")
			f.police = a.org("Police", "XD")
			f.coordinator = a.user("c@example.org", false)
			a.member(f.coordinator, f.org, assessment.RoleCoordinator)
			f.assess = a.assessment(f.org, nil)
			id := f.createAction(f.assess, f.actionBody("Race"))
			tok := f.token(f.coordinator)
			var wg sync.WaitGroup
			statuses := make([]int, 6)
			for i := range statuses {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					res := f.api(tok, "PUT", fmt.Sprintf("/api/v1/actions/%d", id), with(f.actionBody(fmt.Sprintf("Title %d", i)), "version", 1))
					statuses[i] = res.Status
				}(i)
			}
			wg.Wait()
			won := 0
			for _, s := range statuses {
				switch s {
				case 200:
					won++
				case 409:
				default:
					t.Errorf("status %d", s)
				}
			}
			act, _ := a.db.Action(t.Context(), id)
			if won != 1 || act.Version != 2 {
				t.Errorf("%d saves won (statuses %v); version %d", won, statuses, act.Version)
			}
		})
	}
}
