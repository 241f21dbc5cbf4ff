package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The plan page and the action form in every language: lang and dir set,
// texts translated, the timeline mirrored in Arabic.
func TestPlanPagesTranslated(t *testing.T) {
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 1}, "Decree 7/2025")
	f.createAction(f.assess, f.actionBody("Adopt a national CSEA strategy"))
	for _, c := range []struct{ lang, dir, crumb, newTitle, quarter string }{
		{"en", "ltr", "Action plan", "Plan an action", "2026 Q1"},
		{"ar", "rtl", "خطة العمل", "تخطيط إجراء", "2026 ر1"},
		{"fr", "ltr", "Plan d'action", "Planifier une action", "T1 2026"},
		{"es", "ltr", "Plan de acción", "Planificar una acción", "T1 2026"},
	} {
		b := f.session(f.coordinator)
		b.get("/")
		if res, _ := b.post("/language", url.Values{"lang": {c.lang}, "next": {"/"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("switch to %s: %d", c.lang, res.StatusCode)
		}
		res, doc := b.get(fmt.Sprintf("/assessments/%d/plan", f.assess.ID))
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", c.lang, res.StatusCode)
		}
		if l, _ := doc.Find("html").Attr("lang"); l != c.lang {
			t.Errorf("%s: lang %q", c.lang, l)
		}
		if d, _ := doc.Find("html").Attr("dir"); d != c.dir {
			t.Errorf("%s: dir %q", c.lang, d)
		}
		if !strings.Contains(doc.Find(".breadcrumb").Text(), c.crumb) || doc.Find("#plan-new").Text() != c.newTitle {
			t.Errorf("%s: crumb %q, button %q", c.lang, doc.Find(".breadcrumb").Text(), doc.Find("#plan-new").Text())
		}
		svg := doc.Find("#plan-timeline svg")
		if !strings.Contains(svg.Text(), c.quarter) || svg.Find("desc").Text() == "" {
			t.Errorf("%s: timeline %q", c.lang, svg.Text())
		}
		// Mirrored: the label sits at the right in ltr (anchor end), at the left in rtl (anchor start).
		anchor, _ := svg.Find(".timeline-row text").First().Attr("text-anchor")
		if want := map[string]string{"ltr": "end", "rtl": "start"}[c.dir]; anchor != want {
			t.Errorf("%s: label anchor %q, want %q", c.lang, anchor, want)
		}
		if c.lang != "en" && strings.Contains(doc.Find("main").Text(), "Responsible organisation") {
			t.Errorf("%s: English left on the plan page", c.lang)
		}
		_, form := b.get(fmt.Sprintf("/assessments/%d/plan/new", f.assess.ID))
		if form.Find("h1").Text() != c.newTitle {
			t.Errorf("%s: form title %q", c.lang, form.Find("h1").Text())
		}
	}
}
