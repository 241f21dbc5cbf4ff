package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/jobs"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// The agency area (contributions, consolidation, notifications, the home
// page and its tasks) in Arabic, French and Spanish: every page has the
// right lang and dir and shows its texts, flashes and domain errors
// translated, with none of its English left in Arabic; notifications are
// shown, mailed and served by the API in each reader's language, whatever
// the language of whoever caused them.

// agencyEnglish are the English texts each page showed before it was
// translated; none may be left in the Arabic page.
var agencyEnglish = map[string][]string{
	"contributions.html": {"Assessments", "Contributions", "Agencies' contributions", "Agencies answer the capabilities",
		"Agencies asked to contribute", "Agency", "Capabilities", "Due", "Status", "Answered", "Overdue", "Invited", "In progress",
		"Submitted", "No agency has been asked yet", "Ask an agency to contribute", "Organisations of", "on this platform",
		"Capabilities to answer", "Due date", "optional", "Ask to contribute", "Every organisation of", "choose at least one capability"},
	"contribution_show.html": {"Assessments", "contribution to", "Asked by", "Period", "Status", "Due", "Overdue", "No due date",
		"Submitted", "Completion", "The coordinators of", "can follow your progress", "Capability", "Answered",
		"Submit when every indicator", "Submit the contribution", "An owner or coordinator of", "Invited", "not answered yet",
		"indicators are", "indicator is"},
	"contribution_capability.html": {"Assessments", "contribution to", "Capability", "was asked about", "You can read this contribution",
		"Why it matters", "What each phase means", "Indicators", "Answer each statement", "Phase", "Evidence", "Links to evidence",
		"one web address per line", "Note", "Save", "Save and go to next", "Recommendations that bear", "Contribution overview",
		"Yes", "Partly", "Don't know", "Not applicable"},
	"consolidation.html": {"Assessments", "Consolidation", "For each capability", "Agencies asked to contribute", "Capability",
		"Contributions in", "Agreement", "National answers", "No agency asked", "Disagreement", "indicator", "indicators",
		"Consolidated", "to adopt or decide", "Nothing to consolidate", "No answers in yet"},
	"consolidation_capability.html": {"Assessments", "Consolidation", "agencies asked have submitted", "No agency was asked",
		"to adopt or decide", "Awaiting", "due", "This assessment is approved", "You can read the contributions", "Phase",
		"Disagreement", "Agreement", "National answer", "not settled yet", "Answers of the agencies to", "Agency", "Answer",
		"Evidence", "Note", "Action", "Adopted", "Adopt this answer", "No submitted contribution answered",
		"Write the national answer yourself", "National answer to", "Links to evidence", "Reason for this decision",
		"required; kept with the answer", "Save the national answer", "Consolidation overview", "From", "contribution",
		"Coordinator decision", "a reason is required", "Yes", "No", "Invited"},
	"notifications.html": {"Notifications", "Mark all as read", "New", "Mark as read", "No notifications yet", "Assigned to you",
		"Due soon", "asks", "to answer", "capability of", "is due on"},
	"home.html": {"Your assessments", "My tasks", "Contributions to answer", "capability of", "capabilities of", "asked by",
		"due", "Overdue", "Due soon", "Contributions to consolidate", "submitted its answers to", "Capabilities assigned to you",
		"Contributions submitted", "submitted on", "your role", "Assessment", "Period", "Status", "Last change",
		"No assessments yet", "Start an assessment", "Members", "Activity", "Invited", "In progress", "coordinator"},
}

// agencyUserData is the cast's own text, which stays as written.
func agencyUserData(w *agencies, extra ...string) []string {
	return append([]string{w.org.Name, w.police.Name, w.prosecution.Name, w.helpline.Name, w.assess.Title,
		"Evidence of ", "Note on "}, extra...)
}

// agencyAttrs checks the labels a screen reader reads in the page's main
// content: none may be left in English.
func agencyAttrs(t *testing.T, lang, page string, doc *goquery.Document, english ...string) {
	t.Helper()
	doc.Find("main [aria-label], main [title], main [placeholder]").Each(func(_ int, s *goquery.Selection) {
		for _, a := range []string{"aria-label", "title", "placeholder"} {
			v, _ := s.Attr(a)
			for _, en := range english {
				if v == en {
					t.Errorf("%s %s: %s=%q is English", lang, page, a, v)
				}
			}
		}
	})
}

func TestAgencyPagesTranslated(t *testing.T) {
	clk := newClock()
	w := newAgencies(t, withClock(clk))
	ministry := w.app.org("Demoland Ministry of Education", "XD") // never asked: the form stays on the page
	due := assessment.Day(clk.Now()).AddDate(0, 0, 2)
	jp := w.fw.Capability("judiciary-prosecutors").Indicators
	helpCaps := w.fw.Capability("child-helpline").Indicators
	if len(jp) < 4 {
		t.Fatalf("judiciary-prosecutors has %d indicators; the test adopts one per language", len(jp))
	}

	// Asked, answered and submitted in English: the police and the
	// prosecutors disagree on the first indicator; the helpline is asked,
	// with a near due date, and has not started.
	police := w.invite(t, w.police, "", "law-enforcement", "judiciary-prosecutors")
	prosecution := w.invite(t, w.prosecution, "", "judiciary-prosecutors")
	helpline := w.invite(t, w.helpline, due.Format(time.DateOnly), "child-helpline")
	policeTok, proTok := w.token(w.policeLead), w.token(w.prosecutor)
	w.answer(t, policeTok, police, "law-enforcement", nil)
	w.answer(t, policeTok, police, "judiciary-prosecutors", nil)
	w.answer(t, proTok, prosecution, "judiciary-prosecutors", map[string]string{jp[0].Key: "no"})
	for _, c := range []struct {
		tok string
		id  int64
	}{{policeTok, police}, {proTok, prosecution}} {
		if r := w.api(c.tok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", c.id), nil); r.Status != http.StatusOK {
			t.Fatalf("submit %d: %d %s", c.id, r.Status, r.Raw)
		}
	}

	bundle := i18n.Default()
	literal := map[string]map[string]string{ // a few texts as a translator wrote them
		"ar": {"list": "مساهمات الجهات", "consolidation": "التوحيد", "tasks": "مهامي", "notifications": "الإشعارات"},
		"fr": {"list": "Contributions des organismes", "consolidation": "Consolidation", "tasks": "Mes tâches", "notifications": "Notifications"},
		"es": {"list": "Contribuciones de los organismos", "consolidation": "Consolidación", "tasks": "Mis tareas", "notifications": "Notificaciones"},
	}
	base := fmt.Sprintf("/assessments/%d", w.assess.ID)
	capPage := base + "/consolidation/judiciary-prosecutors"
	for i, lang := range []string{"ar", "fr", "es"} {
		tr, lit, dir := bundle.For(lang), literal[lang], "ltr"
		if lang == "ar" {
			dir = "rtl"
		}
		want := func(page, what, got, expected string) {
			t.Helper()
			if got != acctNorm(expected) {
				t.Errorf("%s %s: %s = %q, want %q", lang, page, what, got, acctNorm(expected))
			}
		}
		coord := w.session(w.coordinator)
		coord.switchLanguage(lang)

		// The list of contributions, and the form to ask another agency.
		res, doc := coord.get(base + "/contributions")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s contributions: %d", lang, res.StatusCode)
		}
		checkLangDir(t, "contributions", doc, lang, dir)
		want("contributions", "h1", text(doc.Find("main h1")), lit["list"])
		want("contributions", "police status", text(doc.Find(fmt.Sprintf(`tr[data-contribution="%d"] .status-cell`, police))), tr.T("ContribStatus_submitted"))
		// The helpline answers one indicator in the first language's turn.
		helpStatus, unanswered := "ContribStatus_invited", len(helpCaps)
		if i > 0 {
			helpStatus, unanswered = "ContribStatus_in_progress", len(helpCaps)-1
		}
		want("contributions", "helpline status", text(doc.Find(fmt.Sprintf(`tr[data-contribution="%d"] .status-cell`, helpline))), tr.T(helpStatus))
		want("contributions", "form heading", text(doc.Find("#invite-agency")), tr.T("ContribAskHeading"))
		res, doc = coord.post(base+"/contributions", url.Values{"organisation_id": {fmt.Sprint(ministry.ID)}, "due_date": {""}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%s ask without capabilities: %d", lang, res.StatusCode)
		}
		want("contributions", "capabilities error", text(doc.Find("fieldset .field-error")),
			tr.T("CoreFieldColon", "Field", tr.T("ContribCapabilities"), "Message", tr.T("choose at least one capability")))
		if lang == "ar" {
			noEnglishLeft(t, "contributions", doc, "contributions.html", agencyEnglish["contributions.html"], agencyUserData(w, ministry.Name))
		}

		// The consolidation overview.
		_, doc = coord.get(base + "/consolidation")
		checkLangDir(t, "consolidation", doc, lang, dir)
		want("consolidation", "h1", text(doc.Find("main h1")), lit["consolidation"])
		row := doc.Find(`tr[data-capability="judiciary-prosecutors"]`)
		want("consolidation", "asked", text(row.Find(".asked")), tr.T("CoreNOfTotal", "N", 2, "Total", 2))
		want("consolidation", "agreement", text(row.Find("td.agreement")), tr.T("ConsolDisagreement")+" "+tr.T("ConsolOnIndicators", "Count", 1))
		want("consolidation", "open", text(row.Find("td.consolidated")), tr.T("ConsolOpen", "Count", len(jp)-i))
		want("consolidation", "law enforcement", text(doc.Find(`tr[data-capability="law-enforcement"] td.agreement`)), tr.T("ConsolAgreement"))
		if lang == "ar" {
			noEnglishLeft(t, "consolidation", doc, "consolidation.html", agencyEnglish["consolidation.html"], agencyUserData(w))
		}

		// One capability side by side; adopting an answer, and a decision
		// without its reason.
		_, doc = coord.get(capPage)
		checkLangDir(t, "consolidation_capability", doc, lang, dir)
		sec := doc.Find("#" + jp[0].Key)
		want("consolidation_capability", "badge", text(sec.Find(".badge.disagreement")), tr.T("ConsolDisagreement"))
		want("consolidation_capability", "police answer", text(sec.Find(fmt.Sprintf(`tr[data-contribution="%d"] .answer`, police))), tr.T("Answer_yes"))
		want("consolidation_capability", "reason label", text(sec.Find(fmt.Sprintf(`label[for="decide-reason-%s"]`, jp[0].Key))),
			tr.T("ConsolReason")+" "+tr.T("ConsolReasonHint"))
		if lang == "ar" {
			noEnglishLeft(t, "consolidation_capability", doc, "consolidation_capability.html", agencyEnglish["consolidation_capability.html"], agencyUserData(w))
		}
		agencyAttrs(t, lang, "consolidation_capability", doc, "Capabilities")
		key := jp[1+i].Key
		adopt := formOf(doc, fmt.Sprintf(`#%s tr[data-contribution="%d"] form`, key, police))
		if res, _ := coord.post(capPage+"/adopt", adopt); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s adopt: %d", lang, res.StatusCode)
		}
		_, doc = coord.get(capPage)
		want("consolidation_capability", "adopt flash", text(doc.Find(".flash")),
			tr.T("ConsolFlashAdopted", "Indicator", assessment.IndicatorNumber(jp[1+i]), "Answer", tr.T("Answer_yes")))
		if strings.Contains(text(doc.Find(".flash")), key) {
			t.Errorf("%s adopt flash names the internal key %s", lang, key)
		}
		want("consolidation_capability", "national", text(doc.Find("#"+key+" .national")),
			tr.T("ConsolNationalAnswer")+" "+tr.T("Answer_yes")+" "+tr.T("ConsolFromContribution", "Agency", w.police.Name))
		decide := formOf(doc, fmt.Sprintf("#%s details.decide form", jp[0].Key))
		decide.Set("answer", "no")
		decide.Set("reason", "")
		res, doc = coord.post(capPage+"/decide", decide)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%s decision without reason: %d", lang, res.StatusCode)
		}
		want("consolidation_capability", "reason error", text(doc.Find("#"+jp[0].Key+" .error-message")),
			tr.T("a reason is required: say why the national answer is what it is (for example which evidence settles it)"))

		// The helpline's contribution, by its coordinator: the overview, a
		// refused submission, then the questionnaire.
		help := w.session(w.helpLead)
		help.switchLanguage(lang)
		contribution := fmt.Sprintf("/contributions/%d", helpline)
		_, doc = help.get(contribution)
		checkLangDir(t, "contribution_show", doc, lang, dir)
		want("contribution_show", "h1", text(doc.Find("main h1")), tr.T("ContribHeading", "Agency", w.helpline.Name, "Title", w.assess.Title))
		want("contribution_show", "status", text(doc.Find("#contribution-status")), tr.T(helpStatus))
		want("contribution_show", "submit", text(doc.Find(`main form[action$="/submit"] button[type=submit]`)), tr.T("ContribSubmitButton"))
		res, doc = help.post(contribution+"/submit", url.Values{})
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("%s submit with nothing answered: %d", lang, res.StatusCode)
		}
		are := "ContribIndicatorsAreOther"
		if unanswered == 1 {
			are = "ContribIndicatorsAreOne"
		}
		want("contribution_show", "refusal", text(doc.Find(".error-message")),
			fmt.Sprintf(tr.T("%d %s not answered yet; answer every indicator (Don't know is an answer) before submitting"), unanswered, tr.T(are)))
		if lang == "ar" {
			noEnglishLeft(t, "contribution_show", doc, "contribution_show.html", agencyEnglish["contribution_show.html"], agencyUserData(w))
		}
		questions := contribution + "/capabilities/child-helpline"
		_, doc = help.get(questions)
		checkLangDir(t, "contribution_capability", doc, lang, dir)
		want("contribution_capability", "position", text(doc.Find("main h1 + p")),
			tr.T("ContribCapPosition", "N", 1, "Total", 1, "Agency", w.helpline.Name))
		want("contribution_capability", "save", text(doc.Find(`button[value="stay"]`)), tr.T("ContribSave"))
		want("contribution_capability", "evidence label", text(doc.Find(fmt.Sprintf(`label[for="evidence-%s"]`, helpCaps[0].Key))), tr.T("ContribEvidence"))
		if v, _ := doc.Find(fmt.Sprintf("#%s .answers", helpCaps[0].Key)).Attr("aria-label"); v != tr.T("AutosaveAnswerTo", "Number", assessment.IndicatorNumber(helpCaps[0])) {
			t.Errorf("%s contribution_capability: answers labelled %q", lang, v)
		}
		if v, _ := doc.Find("#autosave-text").Attr("data-msg-saving"); v != tr.T("AutosaveSaving") {
			t.Errorf("%s contribution_capability: autosave status %q", lang, v)
		}
		if lang == "ar" {
			noEnglishLeft(t, "contribution_capability", doc, "contribution_capability.html", agencyEnglish["contribution_capability.html"], agencyUserData(w))
		}
		agencyAttrs(t, lang, "contribution_capability", doc, "Answer", "Capabilities")
		form := formOf(doc, "form.capability-form")
		form.Set("answer."+helpCaps[0].Key, "unknown")
		form.Set("go", "stay")
		if res, _ := help.post(questions, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s save: %d", lang, res.StatusCode)
		}
		_, doc = help.get(questions)
		want("contribution_capability", "flash", text(doc.Find(".flash")), tr.T("CoreSaved"))

		// A submitted contribution says why it cannot change.
		pol := w.session(w.policeLead)
		pol.switchLanguage(lang)
		_, doc = pol.get(fmt.Sprintf("/contributions/%d", police))
		want("contribution_show", "closed", text(doc.Find("main .notice")),
			tr.T("ContribSubmittedNotice", "Org", w.org.Name))

		// Home: the helpline's tasks, with the due date near; the reminder
		// job leaves its notification.
		if _, err := jobs.DueSoonReminders(t.Context(), w.db, time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
		_, doc = help.get("/")
		checkLangDir(t, "home", doc, lang, dir)
		want("home", "h1", text(doc.Find("main h1")), tr.T("HomeTitle"))
		want("home", "tasks", text(doc.Find("#my-tasks")), lit["tasks"])
		task := doc.Find(fmt.Sprintf(`#tasks-answer li[data-contribution="%d"]`, helpline))
		want("home", "task link", text(task.Find("a")), tr.T("TasksAnswerItem", "Agency", w.helpline.Name, "Count", 1, "Title", w.assess.Title))
		want("home", "due soon", text(task.Find(".badge.due-soon")), tr.T("TasksDueSoon"))
		if role := tr.T("HomeYourRole", "Role", tr.T("AcctRole_coordinator")); !strings.Contains(text(doc.Find("main")), acctNorm(role)) {
			t.Errorf("%s home: no %q", lang, role)
		}
		if lang == "ar" {
			noEnglishLeft(t, "home", doc, "home.html", agencyEnglish["home.html"], agencyUserData(w))
			noEnglishLeft(t, "home tasks", doc, "_tasks.html", nil, agencyUserData(w))
		}

		// Notifications: the invitation, created in English, and the
		// reminder, created on the first visit of the home page, both read
		// in the page's language.
		_, doc = help.get("/notifications")
		checkLangDir(t, "notifications", doc, lang, dir)
		want("notifications", "h1", text(doc.Find("main h1")), lit["notifications"])
		asked := doc.Find(`li.notification[data-kind="assigned"]`)
		want("notifications", "kind", text(asked.Find(".badge")), tr.T("NotifKind_assigned"))
		want("notifications", "invitation", text(asked.Find(".message")), tr.T("NotifMsgContributionAskedDue", "Org", w.org.Name,
			"Agency", w.helpline.Name, "Count", 1, "Title", w.assess.Title, "Due", tr.Date(due)))
		want("notifications", "reminder", text(doc.Find(`li.notification[data-kind="due_soon"] .message`)),
			tr.T("NotifMsgDueSoon", "Agency", w.helpline.Name, "Title", w.assess.Title, "Due", tr.Date(due)))
		if lang == "ar" {
			noEnglishLeft(t, "notifications", doc, "notifications.html", agencyEnglish["notifications.html"], agencyUserData(w))
		}
	}

	// English stays as it was.
	w.coordinatorB.switchLanguage("en")
	_, doc := w.coordinatorB.get(capPage)
	if got := text(doc.Find("#" + jp[1].Key + " .national")); got != "National answer: Yes From: "+w.police.Name+"'s contribution" {
		t.Errorf("English national answer = %q", got)
	}
	_, doc = w.coordinatorB.get(base + "/consolidation")
	if got := text(doc.Find(`tr[data-capability="judiciary-prosecutors"] td.agreement`)); got != "Disagreement on 1 indicator" {
		t.Errorf("English agreement = %q", got)
	}
}

// TestAgencyNotificationsInReadersLanguage: what one person does in English
// reaches others in their own languages, on the page, in the API and by
// mail; notifications stored as plain text before stay as they are.
func TestAgencyNotificationsInReadersLanguage(t *testing.T) {
	box := newMailbox()
	w := newAgencies(t, withMail(box), func(cfg *web.Config) { cfg.MailNotifications = true })
	ctx := context.Background()
	if err := w.db.SetUserProfile(ctx, assessment.System, w.helpLead.ID, w.helpLead.Name, "ar"); err != nil {
		t.Fatal(err)
	}
	if err := w.db.SetUserProfile(ctx, assessment.System, w.reviewer.ID, w.reviewer.Name, "fr"); err != nil {
		t.Fatal(err)
	}
	en, ar, fr := i18n.Default().For("en"), i18n.Default().For("ar"), i18n.Default().For("fr")
	due := assessment.Day(time.Now()).AddDate(0, 0, 10)

	// The coordinator, in English, asks the helpline; its coordinator
	// reads Arabic.
	helpline := w.invite(t, w.helpline, due.Format(time.DateOnly), "child-helpline")
	wantAr := ar.T("NotifMsgContributionAskedDue", "Org", w.org.Name, "Agency", w.helpline.Name, "Count", 1, "Title", w.assess.Title, "Due", ar.Date(due))
	wantEn := fmt.Sprintf("%s asks %s to answer 1 capability of %q by %s.", w.org.Name, w.helpline.Name, w.assess.Title, due.Format("2 January 2006"))
	mailTo := func(to string) sentMail {
		t.Helper()
		if err := w.srv.DeliverMail(ctx); err != nil { // the outbox job's round
			t.Fatal(err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			if m := box.wait(t); m.To == to {
				return m
			}
		}
		t.Fatalf("nothing mailed to %s", to)
		return sentMail{}
	}
	m := mailTo(w.helpLead.Email)
	if m.Subject != ar.T("NotifMailSubject", "Kind", ar.T("NotifKind_assigned")) || !strings.Contains(m.Body, wantAr) ||
		!strings.Contains(m.Body, ar.T("NotifMailFooter")) || !strings.Contains(m.Body, fmt.Sprintf("https://mnr.example.org/contributions/%d", helpline)) {
		t.Errorf("mail to an Arabic reader: %q\n%s", m.Subject, m.Body)
	}
	helpB := w.session(w.helpLead)
	_, doc := helpB.get("/notifications")
	checkLangDir(t, "notifications", doc, "ar", "rtl")
	if got := text(doc.Find(`li.notification[data-kind="assigned"] .message`)); got != acctNorm(wantAr) {
		t.Errorf("notification on the page = %q, want %q", got, wantAr)
	}
	r := w.api(w.token(w.helpLead), "GET", "/api/v1/notifications", nil)
	list, _ := r.Body["notifications"].([]any)
	if len(list) != 1 {
		t.Fatalf("API notifications: %s", r.Raw)
	}
	if n := list[0].(map[string]any); n["text"] != wantAr || n["message"] != wantEn {
		t.Errorf("API notification: text %q message %q, want %q and %q", n["text"], n["message"], wantAr, wantEn)
	}

	// A step of the review, in English, reaches a reviewer who reads French.
	if res := transitionAPI(w.fixture, w.token(w.coordinator), map[string]any{"action": "submit"}); res.Status != http.StatusOK {
		t.Fatalf("submit for review: %d %s", res.Status, res.Raw)
	}
	wantFr := fr.T("NotifMsgReviewSubmitted", "Actor", w.coordinator.Name, "Title", w.assess.Title, "Period", w.assess.Period)
	m = mailTo(w.reviewer.Email)
	if m.Subject != fr.T("NotifMailSubject", "Kind", fr.T("NotifKind_submitted")) || !strings.Contains(m.Body, wantFr) {
		t.Errorf("mail to a French reader: %q\n%s", m.Subject, m.Body)
	}
	r = w.api(w.token(w.reviewer), "GET", "/api/v1/notifications", nil)
	list, _ = r.Body["notifications"].([]any)
	var found bool
	for _, x := range list {
		if n := x.(map[string]any); n["kind"] == assessment.NotifySubmitted {
			found = true
			if n["text"] != wantFr || n["message"] != en.T("NotifMsgReviewSubmitted", "Actor", w.coordinator.Name, "Title", w.assess.Title, "Period", w.assess.Period) ||
				n["message"] != fmt.Sprintf("%s submitted “%s” (%s) for review.", w.coordinator.Name, w.assess.Title, w.assess.Period) {
				t.Errorf("reviewer's notification: %v", n)
			}
		}
	}
	if !found {
		t.Errorf("no submitted notification for the reviewer: %s", r.Raw)
	}

	// Rows written before notifications had message ids, and ids a later
	// version no longer knows, show their text as it is.
	if err := w.db.Notify(ctx, assessment.Notification{UserID: w.helpLead.ID, Kind: assessment.NotifyShared, Message: "An older notice, in English."},
		assessment.Notification{UserID: w.helpLead.ID, Kind: assessment.NotifyShared, Message: `{"id":"NotifMsgRetired","text":"A retired notice."}`}); err != nil {
		t.Fatal(err)
	}
	_, doc = helpB.get("/notifications")
	got := text(doc.Find(`li.notification[data-kind="shared"] .message`))
	if !strings.Contains(got, "An older notice, in English.") || !strings.Contains(got, "A retired notice.") {
		t.Errorf("older notifications = %q", got)
	}
}
