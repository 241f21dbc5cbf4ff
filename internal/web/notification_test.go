package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/jobs"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// kinds lists the kinds of a user's notifications through the API,
// newest first, with their links.
func kinds(t testing.TB, w *agencies, token string) ([]string, []string) {
	t.Helper()
	r := w.api(token, "GET", "/api/v1/notifications", nil)
	if r.Status != 200 {
		t.Fatalf("notifications: %d %s", r.Status, r.Raw)
	}
	var ks, links []string
	list, _ := r.Body["notifications"].([]any)
	for _, x := range list {
		n := x.(map[string]any)
		ks, links = append(ks, n["kind"].(string)), append(links, n["link"].(string))
	}
	return ks, links
}

func TestNotificationsAndTasks(t *testing.T) {
	clk := newClock()
	w := newAgencies(t, withClock(clk))
	due := clk.Now().AddDate(0, 0, 2).Format(time.DateOnly)
	police := w.invite(t, w.police, due, "law-enforcement")
	policeTok, officerTok := w.token(w.policeLead), w.token(w.officer)
	for _, tok := range []string{policeTok, officerTok} {
		ks, links := kinds(t, w, tok)
		if strings.Join(ks, ",") != "assigned" || links[0] != fmt.Sprintf("/contributions/%d", police) {
			t.Errorf("after the invitation: %v %v", ks, links)
		}
	}

	// Visiting the home page writes nothing; the reminder job (run twice,
	// as two instances or two rounds would) leaves "due soon" once.
	w.policeB.get("/")
	if ks, _ := kinds(t, w, policeTok); strings.Join(ks, ",") != "assigned" {
		t.Errorf("the home page wrote notifications: %v", ks)
	}
	for range 2 {
		if _, err := jobs.DueSoonReminders(t.Context(), w.db, clk.Now()); err != nil {
			t.Fatal(err)
		}
	}
	ks, _ := kinds(t, w, policeTok)
	if strings.Join(ks, ",") != "due_soon,assigned" {
		t.Errorf("after two runs of the reminder job: %v", ks)
	}
	_, doc := w.policeB.get("/")
	if got := text(doc.Find("#notifications-link")); got != "Notifications (2) unread" {
		t.Errorf("header link = %q", got)
	}
	task := doc.Find(fmt.Sprintf(`#tasks-answer li[data-contribution="%d"]`, police))
	if !strings.Contains(text(task), "Due soon") || strings.Contains(text(task), "Overdue") {
		t.Errorf("task = %q", text(task))
	}
	ks, _ = kinds(t, w, policeTok)
	if len(ks) != 2 {
		t.Errorf("reminders repeated: %v", ks)
	}

	// The page lists them; reading one, then all, empties the count.
	_, doc = w.policeB.get("/notifications")
	if n := doc.Find("li.notification.unread").Length(); n != 2 {
		t.Fatalf("unread on the page: %d", n)
	}
	one := formOf(doc, "li.notification.unread:first-child form")
	w.policeB.post("/notifications/read", one)
	_, doc = w.policeB.get("/notifications")
	if got := text(doc.Find("#notifications-link")); got != "Notifications (1) unread" {
		t.Errorf("after reading one: %q", got)
	}
	w.policeB.post("/notifications/read", url.Values{})
	if r := w.api(policeTok, "GET", "/api/v1/notifications", nil); r.Body["unread"] != float64(0) {
		t.Errorf("after reading all: %v", r.Body["unread"])
	}

	// Assigning a capability notifies the contributor and shows as a task.
	cb := w.coordinatorB
	cb.get(fmt.Sprintf("/assessments/%d", w.assess.ID))
	res, _ := cb.post(fmt.Sprintf("/assessments/%d/assignments", w.assess.ID), url.Values{"capability": {"hotline"}, "user": {fmt.Sprint(w.contributor.ID)}, "action": {"assign"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("assign: %d", res.StatusCode)
	}
	ks, links := kinds(t, w, w.token(w.contributor))
	if len(ks) != 2 || ks[0] != "assigned" || links[0] != fmt.Sprintf("/assessments/%d/capabilities/hotline", w.assess.ID) {
		t.Errorf("contributor's notifications: %v %v", ks, links)
	}
	_, doc = w.session(w.contributor).get("/")
	if got := text(doc.Find("#tasks-assigned")); !strings.Contains(got, "12. CSEA hotline") || !strings.Contains(got, "1. Leadership") {
		t.Errorf("assigned tasks = %q", got)
	}

	// Submitting notifies the assessment's owners and coordinators, and the
	// contribution waits on their home page until consolidated.
	// Past the due date the task says so (in a session of that day).
	clk.advance(3 * 24 * time.Hour)
	_, doc = w.sessionAt(w.policeLead, clk.Now()).get("/")
	if !strings.Contains(text(doc.Find(fmt.Sprintf(`#tasks-answer li[data-contribution="%d"]`, police))), "Overdue") {
		t.Errorf("task after the due date = %q", text(doc.Find("#tasks-answer")))
	}
	clk.advance(-3 * 24 * time.Hour)

	w.answer(t, policeTok, police, "law-enforcement", nil)
	if r := w.api(policeTok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", police), nil); r.Status != 200 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	for user, want := range map[string]bool{w.coordinator.Email: true, w.owner.Email: true, w.reviewer.Email: false} {
		u, _ := w.db.UserByEmail(t.Context(), user)
		ks, links := kinds(t, w, w.token(u))
		got := len(ks) > 0 && ks[0] == "submitted" && links[0] == fmt.Sprintf("/assessments/%d/consolidation", w.assess.ID)
		if got != want {
			t.Errorf("%s notified of the submission: %v (%v)", user, got, ks)
		}
	}
	_, doc = w.policeB.get("/")
	if doc.Find("#tasks-answer").Length() != 0 || doc.Find(fmt.Sprintf(`#tasks-submitted li[data-contribution="%d"]`, police)).Length() != 1 {
		t.Errorf("police home after submitting: to answer %q, submitted %q", text(doc.Find("#tasks-answer")), text(doc.Find("#tasks-submitted")))
	}
	_, doc = cb.get("/")
	if n := doc.Find(fmt.Sprintf(`#tasks-consolidate li[data-contribution="%d"]`, police)).Length(); n != 1 {
		t.Errorf("submitted contribution not among the coordinator's tasks")
	}
	coordTok := w.token(w.coordinator)
	for _, in := range w.fw.Capability("law-enforcement").Indicators {
		r := w.api(coordTok, "POST", fmt.Sprintf("/api/v1/assessments/%d/consolidation/%s", w.assess.ID, in.Key), map[string]any{"contribution_id": police, "version": 0})
		if r.Status != 200 {
			t.Fatalf("adopt %s: %d %s", in.Key, r.Status, r.Raw)
		}
	}
	_, doc = cb.get("/")
	if doc.Find("#tasks-consolidate").Length() != 0 {
		t.Errorf("consolidated contribution still listed: %q", text(doc.Find("#tasks-consolidate")))
	}
	_, doc = cb.get(fmt.Sprintf("/assessments/%d/consolidation", w.assess.ID))
	if got := text(doc.Find(`tr[data-capability="law-enforcement"] td.consolidated`)); got != "Consolidated" {
		t.Errorf("law enforcement after adopting every answer: %q", got)
	}
}

// TestNotificationsByMail: with mail configured, each notification is also
// mailed once, with the link on the public address.
func TestNotificationsByMail(t *testing.T) {
	box := newMailbox()
	w := newAgencies(t, withMail(box), func(cfg *web.Config) { cfg.MailNotifications = true })
	police := w.invite(t, w.police, "", "law-enforcement")
	if box.count() != 0 {
		t.Errorf("a request mailed %d notifications; only the outbox job mails", box.count())
	}
	if err := w.srv.DeliverMail(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{w.policeLead.Email: true, w.officer.Email: true}
	deadline := time.Now().Add(5 * time.Second)
	for len(want) > 0 && time.Now().Before(deadline) {
		m := box.wait(t)
		if !want[m.To] {
			continue // e.g. the fixture's own assignment
		}
		delete(want, m.To)
		if m.Subject != "MNR Self-Assessment: Assigned to you" || !strings.Contains(m.Body, fmt.Sprintf("https://mnr.example.org/contributions/%d", police)) ||
			!strings.Contains(m.Body, "Demoland Police Child Exploitation Unit") {
			t.Errorf("mail to %s: %q\n%s", m.To, m.Subject, m.Body)
		}
	}
	if len(want) > 0 {
		t.Fatalf("not mailed: %v", want)
	}
	before := box.count()
	w.policeB.get("/")
	w.coordinatorB.post("/notifications/read", url.Values{})
	if err := w.srv.DeliverMail(t.Context()); err != nil {
		t.Fatal(err)
	}
	if box.count() != before {
		t.Errorf("notifications mailed again: %d → %d", before, box.count())
	}
}
