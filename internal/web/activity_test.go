package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

func TestActivityPageShowsWhoWhenWhatBeforeAfter(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	key := f.fw.Capability("leadership").Indicators[0].Key
	if r := f.api(f.token(f.coordinator), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", f.assess.ID, key),
		map[string]any{"answer": "yes", "evidence": "<b>Strategy</b> adopted", "version": 0}); r.Status != http.StatusOK {
		t.Fatalf("save: %d %s", r.Status, r.Raw)
	}
	if err := f.db.SetRole(ctx, assessment.Actor{UserID: f.owner.ID, Name: f.owner.Name}, f.org.ID, f.viewer.ID, assessment.RoleReviewer); err != nil {
		t.Fatal(err)
	}
	// Another organisation's changes never show.
	otherKey := f.fw.Capability("leadership").Indicators[1].Key
	if r := f.api(f.token(f.outsider), "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", f.otherAssess.ID, otherKey),
		map[string]any{"answer": "no", "evidence": "OTHER-ORG-SECRET", "version": 0}); r.Status != http.StatusOK {
		t.Fatalf("other save: %d", r.Status)
	}
	path := fmt.Sprintf("/organisations/%d/activity", f.org.ID)
	b := f.session(f.coordinator)
	res, doc := b.get(path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("activity: %d", res.StatusCode)
	}
	noInline(t, doc)
	unlabelled(t, doc)
	if strings.Contains(docHTML(doc), "OTHER-ORG-SECRET") {
		t.Error("another organisation's change is listed")
	}
	answer := rowWith(doc, "Answer saved")
	if answer == nil {
		t.Fatalf("no answer row in %q", text(doc.Find("table.activity")))
	}
	if who := text(answer.Find(".who-cell")); !strings.HasPrefix(who, f.coordinator.Name) {
		t.Errorf("who = %q", who)
	}
	if answer.Find("time[datetime]").Length() != 1 {
		t.Error("no time")
	}
	if obj := text(answer.Find(".object")); obj != "indicator "+key {
		t.Errorf("object = %q", obj)
	}
	ev := changeOf(answer, "evidence")
	if ev == nil || text(ev.Find(".before")) != "—" || text(ev.Find(".after")) != "<b>Strategy</b> adopted" {
		t.Errorf("evidence change: %q", text(answer.Find(".changes")))
	}
	if changeOf(answer, "answer") == nil || text(changeOf(answer, "answer").Find(".after")) != "yes" {
		t.Errorf("answer change: %q", text(answer.Find(".changes")))
	}
	if strings.Contains(docHTML(doc), "<b>Strategy</b>") {
		t.Error("audit values are not escaped")
	}
	role := rowWith(doc, "Role changed")
	if role == nil || text(role.Find(".object")) != "viewer <viewer@example.org>" ||
		text(changeOf(role, "role").Find(".before")) != "viewer" || text(changeOf(role, "role").Find(".after")) != "reviewer" {
		t.Errorf("role change row: %v", role)
	}
	// Filters.
	_, doc = b.get(path + "?action=membership.role")
	if n := doc.Find("table.activity tbody tr").Length(); n != 1 || rowWith(doc, "Role changed") == nil {
		t.Errorf("action filter: %d rows", n)
	}
	if v, _ := doc.Find("#f-action option[selected]").Attr("value"); v != "membership.role" {
		t.Errorf("filter not kept: %q", v)
	}
	_, doc = b.get(fmt.Sprintf("%s?user=%d", path, f.owner.ID))
	doc.Find("table.activity tbody tr").Each(func(_ int, s *goquery.Selection) {
		if !strings.HasPrefix(text(s.Find(".who-cell")), f.owner.Name) {
			t.Errorf("user filter let through %q", text(s.Find(".who-cell")))
		}
	})
	_, doc = b.get(fmt.Sprintf("%s?assessment=%d&action=answer.save", path, f.assess.ID))
	if doc.Find("table.activity tbody tr").Length() != 1 {
		t.Errorf("assessment filter: %d rows", doc.Find("table.activity tbody tr").Length())
	}
	today := time.Now().UTC().Format(time.DateOnly)
	tomorrow := time.Now().UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	yesterday := time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)
	if _, doc = b.get(path + "?from=" + tomorrow); doc.Find("table.activity").Length() != 0 || !strings.Contains(text(doc.Find("main")), "No activity matches") {
		t.Error("from tomorrow should match nothing")
	}
	if _, doc = b.get(path + "?to=" + yesterday); doc.Find("table.activity").Length() != 0 {
		t.Error("to yesterday should match nothing")
	}
	if _, doc = b.get(path + "?from=" + today + "&to=" + today); doc.Find("table.activity tbody tr").Length() < 3 {
		t.Error("today's events missing with from=to=today")
	}
	for _, q := range []string{"?from=31/12/2026", "?action=answer%25", "?user=someone"} {
		if res, doc := b.get(path + q); res.StatusCode != http.StatusUnprocessableEntity || (doc.Find(".field-error").Length() == 0 && doc.Find(".error-message").Length() == 0) {
			t.Errorf("%s: %d", q, res.StatusCode)
		}
	}
}

func rowWith(doc *goquery.Document, action string) *goquery.Selection {
	var out *goquery.Selection
	doc.Find("table.activity tbody tr").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if text(s.Find(".action")) == action {
			out = s
			return false
		}
		return true
	})
	return out
}

func changeOf(row *goquery.Selection, field string) *goquery.Selection {
	var out *goquery.Selection
	row.Find(".changes li").Each(func(_ int, s *goquery.Selection) {
		if text(s.Find(".change-field")) == field {
			out = s
		}
	})
	return out
}

func TestActivityAccessAndPaging(t *testing.T) {
	f := newFixture(t)
	path := fmt.Sprintf("/organisations/%d/activity", f.org.ID)
	for _, c := range []struct {
		who  assessment.User
		want int
	}{{f.owner, 200}, {f.coordinator, 200}, {f.contributor, 403}, {f.reviewer, 403}, {f.viewer, 403}, {f.admin, 403}, {f.outsider, 404}} {
		if res, _ := f.session(c.who).get(path); res.StatusCode != c.want {
			t.Errorf("%s: %d, want %d", c.who.Email, res.StatusCode, c.want)
		}
	}
	ctx := context.Background()
	for i := 0; i < 60; i++ {
		for _, on := range []bool{false, true} {
			if err := f.db.SetAssignment(ctx, assessment.System, f.assess.ID, "leadership", f.contributor.ID, on, assessment.AssignedNotices); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := f.session(f.owner)
	_, doc := b.get(path + "?action=assignment.add")
	rows := doc.Find("table.activity tbody tr")
	older, _ := doc.Find(`a[rel=next]`).Attr("href")
	if rows.Length() != 50 || !strings.Contains(older, "action=assignment.add") || !strings.Contains(older, "before=") {
		t.Fatalf("first page: %d rows, older %q", rows.Length(), older)
	}
	last, _ := rows.Last().Attr("data-event")
	_, doc = b.get(older)
	rows2 := doc.Find("table.activity tbody tr")
	if rows2.Length() != 11 || doc.Find(`a[rel=next]`).Length() != 0 {
		t.Errorf("second page: %d rows (want 61-50)", rows2.Length())
	}
	first2, _ := rows2.First().Attr("data-event")
	lastID, _ := strconv.Atoi(last)
	firstID, _ := strconv.Atoi(first2)
	if firstID >= lastID {
		t.Errorf("pages overlap: %s then %s", last, first2)
	}
}
