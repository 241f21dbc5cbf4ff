package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// The work pages (the assessment overview, the capability page, review and
// comments, the next cycle, progress, sharing and the partner dashboard)
// and the layout around every page, in Arabic, French and Spanish: each
// page has lang and dir, shows known translations (including flashes and
// domain errors), and the Arabic page keeps none of the English it used to
// show. Messages: internal/i18n/locales/work.*.json.

// workExpect is what the work pages must show in one language.
type workExpect struct {
	lang, dir string
	// layout
	skip, signOut, navAssessments string
	// overview
	reviewLink, carriedBadge, colCapability, colAssigned string
	// capability page
	indicatorsH, confirmedLabel, saving, evidenceLabel, confirmAll, commentAdded, commentResolved string
	// review page
	reviewCrumb, submitButton, outOfOrder, commentRefusal string
	// next cycle
	cycleH1 string
	// progress
	progressH1, movedUp, domainsH string
	// sharing
	sharingH1, shareButton, shared, revokeButton string
	// partner dashboard
	partnerH1, notRanking, withheld string
}

var workExpectations = []workExpect{
	{
		lang: "ar", dir: "rtl",
		skip: "الانتقال إلى المحتوى الرئيسي", signOut: "تسجيل الخروج", navAssessments: "التقييمات",
		reviewLink: "المراجعة والتعليقات (المفتوحة: 1)", carriedBadge: "منقولة — بانتظار التأكيد", colCapability: "القدرة", colAssigned: "مسندة إلى",
		indicatorsH: "المؤشرات", confirmedLabel: "المرحلة المؤكَّدة", saving: "جارٍ الحفظ…", evidenceLabel: "الأدلة",
		confirmAll: "تأكيد الإجابات المنقولة جميعها دون تغيير (10)", commentAdded: "أُضيف التعليق.", commentResolved: "حُسم التعليق.",
		reviewCrumb: "المراجعة", submitButton: "تقديم للمراجعة",
		outOfOrder:     "لا يمكن اعتماد هذا التقييم: فهو مسودة، ولا يُعتمد إلا تقييم قيد المراجعة",
		commentRefusal: "يتيح لك دورك الاطلاع على تعليقات هذا التقييم دون إضافة تعليقات إليها.",
		cycleH1:        "بدء الدورة التالية",
		progressH1:     "التقدّم عبر الدورات:", movedUp: "↑ تقدّم", domainsH: "المجالات",
		sharingH1: "المشاركة مع الشركاء", shareButton: "مشاركة", shared: "تمت المشاركة مع", revokeButton: "سحب",
		partnerH1: "المُشارَك معنا", notRanking: "هذا ليس تصنيفًا.", withheld: "غير معروض: عدد الجهات المساهمة أقل من 5",
	},
	{
		lang: "fr", dir: "ltr",
		skip: "Aller au contenu principal", signOut: "Se déconnecter", navAssessments: "Évaluations",
		reviewLink: "Revue et commentaires (1 ouvert)", carriedBadge: "Reprise — à confirmer", colCapability: "Capacité", colAssigned: "Attribuée à",
		indicatorsH: "Indicateurs", confirmedLabel: "Phase confirmée", saving: "Enregistrement…", evidenceLabel: "Éléments de preuve",
		confirmAll: "Confirmer les 10 réponses telles quelles", commentAdded: "Commentaire ajouté.", commentResolved: "Commentaire résolu.",
		reviewCrumb: "Revue", submitButton: "Soumettre pour revue",
		outOfOrder:     "impossible d'approuver cette évaluation : elle est à l'état de brouillon, et seule une évaluation en revue peut être approuvée",
		commentRefusal: "Votre rôle permet de lire les commentaires de cette évaluation, mais pas d'en ajouter.",
		cycleH1:        "Lancer le cycle suivant",
		progressH1:     "Progression d'un cycle à l'autre :", movedUp: "en progression", domainsH: "Domaines",
		sharingH1: "Partage avec des partenaires", shareButton: "Partager", shared: "Partagé avec", revokeButton: "Retirer",
		partnerH1: "Partagé avec nous", notRanking: "Il ne s'agit pas d'un classement.", withheld: "Non affiché : moins de 5 organisations y contribuent",
	},
	{
		lang: "es", dir: "ltr",
		skip: "Ir al contenido principal", signOut: "Cerrar sesión", navAssessments: "Evaluaciones",
		reviewLink: "Revisión y comentarios (1 abierto)", carriedBadge: "Trasladada — por confirmar", colCapability: "Capacidad", colAssigned: "Asignada a",
		indicatorsH: "Indicadores", confirmedLabel: "Fase confirmada", saving: "Guardando…", evidenceLabel: "Evidencia",
		confirmAll: "Confirmar las 10 respuestas sin cambios", commentAdded: "Comentario añadido.", commentResolved: "Comentario resuelto.",
		reviewCrumb: "Revisión", submitButton: "Enviar a revisión",
		outOfOrder:     "no se puede aprobar esta evaluación: está en borrador, y solo puede aprobarse una evaluación en revisión",
		commentRefusal: "Su rol permite leer los comentarios de esta evaluación, pero no añadirlos.",
		cycleH1:        "Iniciar el siguiente ciclo",
		progressH1:     "Evolución entre ciclos:", movedUp: "avance", domainsH: "Ámbitos",
		sharingH1: "Compartir con socios", shareButton: "Compartir", shared: "Compartido con", revokeButton: "Retirar",
		partnerH1: "Compartido con nosotros", notRanking: "Esto no es una clasificación.", withheld: "No se muestra: contribuyen menos de 5 organizaciones",
	},
}

// workScene is an approved first cycle, its next cycle (with answers
// carried forward, one moved up, and a review comment), and a partner
// organisation the owner shares with.
type workScene struct {
	f           *fixture
	first, next int64
	partner     assessment.Organisation
	partnerUser assessment.User
	userText    []string
}

func newWorkScene(t *testing.T) *workScene {
	f := newFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 2}, "Decree 7/2025")
	f.approve(f.assess)
	coord := f.session(f.coordinator)
	next := f.nextCycle(coord, f.assess, "2027")
	// Legislation moves up in the new cycle; the rest stays carried forward.
	workSetPhase(t, f, next, "legislation", 3)
	if r := f.api(f.token(f.reviewer), "POST", fmt.Sprintf("/api/v1/assessments/%d/comments", next),
		map[string]any{"capability": "leadership", "body": "Decree 7/2025?"}); r.Status != http.StatusCreated && r.Status != http.StatusOK {
		t.Fatalf("comment: %d %s", r.Status, r.Raw)
	}
	partner, pu := f.partnerOrg("Child Rights Watch International", "analyst@crwi.example")
	owner := f.session(f.owner)
	owner.get(fmt.Sprintf("/organisations/%d/sharing", f.org.ID))
	if res, _ := owner.post(fmt.Sprintf("/organisations/%d/sharing", f.org.ID), url.Values{"partner": {partner.Name}, "assessment_id": {"0"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("share: %d", res.StatusCode)
	}
	return &workScene{f: f, first: f.assess.ID, next: next, partner: partner, partnerUser: pu,
		// Text users wrote, which stays as written in every language.
		userText: []string{f.org.Name, f.other.Name, partner.Name, "National self-assessment", "Decree 7/2025?", "Decree 7/2025",
			"note ", "owner", "coordinator", "contributor", "reviewer", "viewer", "analyst"}}
}

// workSession signs a user in and switches the interface language the way
// the switcher on every page does.
func (w *workScene) workSession(t *testing.T, u assessment.User, lang string) *browser {
	t.Helper()
	b := w.f.session(u)
	b.get("/")
	if res, _ := b.post("/language", url.Values{"lang": {lang}, "next": {"/"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to %s: status %d", lang, res.StatusCode)
	}
	return b
}

func TestWorkPagesTranslated(t *testing.T) {
	w := newWorkScene(t)
	f := w.f
	overview := fmt.Sprintf("/assessments/%d", w.next)
	capability := overview + "/capabilities/leadership"
	review := overview + "/review"
	progress := fmt.Sprintf("/organisations/%d/progress", f.org.ID)
	sharing := fmt.Sprintf("/organisations/%d/sharing", f.org.ID)
	for _, want := range workExpectations {
		t.Run(want.lang, func(t *testing.T) {
			owner := w.workSession(t, f.owner, want.lang)
			check := func(page, what, got, wanted string) {
				t.Helper()
				if got != wanted {
					t.Errorf("%s %s = %q, want %q", page, what, got, wanted)
				}
			}
			contains := func(page, what, got, wanted string) {
				t.Helper()
				if !strings.Contains(got, wanted) {
					t.Errorf("%s %s = %q, want it to contain %q", page, what, got, wanted)
				}
			}

			// The overview, with the layout around it.
			res, doc := owner.get(overview)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("overview: status %d", res.StatusCode)
			}
			checkLangDir(t, "overview", doc, want.lang, want.dir)
			check("layout", "skip link", text(doc.Find(".skip-link")), want.skip)
			check("layout", "sign out", text(doc.Find(".signout button")), want.signOut)
			check("layout", "nav", text(doc.Find(".site-header nav a").First()), want.navAssessments)
			check("overview", "review link", text(doc.Find(".workflow-links a").First()), want.reviewLink)
			contains("overview", "carried total", text(doc.Find("#carried-total")), want.carriedBadge)
			check("overview", "column", text(doc.Find("table.capabilities th").First()), want.colCapability)
			check("overview", "column", text(doc.Find("table.capabilities th").Eq(5)), want.colAssigned)
			if want.lang == "ar" {
				workNoEnglish(t, "overview", doc, w.userText, overviewEnglish, "assessment_show.html", "_assignments.html")
				workNoEnglishLayout(t, doc)
			}

			// The capability page: labels, the autosave texts for the
			// script, the carried-forward notice, and a comment's flash.
			_, doc = owner.get(capability)
			checkLangDir(t, "capability", doc, want.lang, want.dir)
			check("capability", "indicators heading", text(doc.Find(".capability-form h2").First()), want.indicatorsH)
			check("capability", "confirmed label", text(doc.Find(`label[for="confirmed_phase"]`)), want.confirmedLabel)
			check("capability", "evidence label", text(doc.Find(`label[for="evidence-leadership-1"]`)), want.evidenceLabel)
			contains("capability", "confirm all", text(doc.Find("#confirm-all")), want.confirmAll)
			if got, _ := doc.Find("form.capability-form #autosave-text").Attr("data-msg-saving"); got != want.saving {
				t.Errorf("capability autosave text = %q, want %q", got, want.saving)
			}
			if got, _ := doc.Find("form.capability-form #autosave-text").Attr("data-msg-saved"); !strings.Contains(got, "{time}") {
				t.Errorf("capability autosave saved text = %q, want a {time} slot", got)
			}
			if got := text(doc.Find("#carried-count")); got != "10" { // leadership's indicators in 2026.2
				t.Errorf("capability carried count = %q", got)
			}
			if want.lang == "ar" {
				workNoEnglish(t, "capability", doc, w.userText, capabilityEnglish, "capability_show.html", "_comments.html")
			}
			res, doc = owner.post(overview+"/comments", url.Values{"capability": {"leadership"}, "body": {"Decree 7/2025?"}, "return_to": {"capability"}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("comment: status %d", res.StatusCode)
			}
			_, doc = owner.get(capability)
			check("capability", "flash", text(doc.Find(".flash")), want.commentAdded)
			var commentID int64
			if _, err := fmt.Sscanf(res.Header.Get("Location"), capability+"#comment-%d", &commentID); err != nil {
				t.Fatalf("comment redirect %q", res.Header.Get("Location"))
			}
			if res, _ := owner.post(fmt.Sprintf("/comments/%d/resolve", commentID), url.Values{"return_to": {"capability"}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("resolve: status %d", res.StatusCode)
			}
			_, doc = owner.get(capability)
			check("capability", "flash", text(doc.Find(".flash")), want.commentResolved)

			// The review page: the next step, then an approval out of
			// order, refused with the reason in the page's language.
			coord := w.workSession(t, f.coordinator, want.lang)
			_, doc = coord.get(review)
			checkLangDir(t, "review", doc, want.lang, want.dir)
			contains("review", "breadcrumb", text(doc.Find(".breadcrumb")), want.reviewCrumb)
			check("review", "submit button", text(doc.Find(`form[data-action="submit"] button`)), want.submitButton)
			if want.lang == "ar" {
				workNoEnglish(t, "review", doc, w.userText, reviewEnglish, "review.html", "_comments.html")
			}
			reviewer := w.workSession(t, f.reviewer, want.lang)
			reviewer.get(review)
			res, doc = reviewer.post(overview+"/transitions", url.Values{"action": {"approve"}})
			if res.StatusCode != http.StatusConflict {
				t.Fatalf("approve a draft: status %d", res.StatusCode)
			}
			check("review", "out-of-order error", text(doc.Find("#form-error")), want.outOfOrder)
			viewer := w.workSession(t, f.viewer, want.lang)
			viewer.get(capability)
			res, doc = viewer.post(overview+"/comments", url.Values{"capability": {"leadership"}, "body": {"x"}, "return_to": {"capability"}})
			if res.StatusCode != http.StatusForbidden {
				t.Fatalf("viewer comments: status %d", res.StatusCode)
			}
			contains("error", "comment refusal", text(doc.Find(".error-message")), want.commentRefusal)
			// The autosave script shows the server's reason: in the page's
			// language (the API itself keeps English).
			viewer.get(capability)
			res, doc = viewer.do("POST", overview+"/indicators/leadership-1",
				url.Values{"_csrf": {viewer.csrf}, "answer.leadership-1": {"no"}, "version.leadership-1": {"1"}},
				http.Header{"Accept": {"application/json"}})
			var body struct{ Error string }
			if err := json.Unmarshal([]byte(doc.Text()), &body); err != nil || res.StatusCode != http.StatusForbidden ||
				body.Error == "" || strings.Contains(body.Error, "Your role") {
				t.Errorf("autosave refusal: %d %q (%v), want it in the page's language", res.StatusCode, body.Error, err)
			}

			// The next-cycle form.
			_, doc = coord.get(fmt.Sprintf("/assessments/%d/next-cycle", w.first))
			checkLangDir(t, "cycle_new", doc, want.lang, want.dir)
			check("cycle_new", "h1", text(doc.Find("main h1")), want.cycleH1)
			contains("cycle_new", "badge", text(doc.Find("main .badge-carried")), want.carriedBadge)
			if want.lang == "ar" {
				workNoEnglish(t, "cycle_new", doc, w.userText, cycleEnglish, "cycle_new.html")
			}

			// Progress across cycles.
			_, doc = owner.get(progress)
			checkLangDir(t, "progress", doc, want.lang, want.dir)
			contains("progress", "h1", text(doc.Find("main h1")), want.progressH1)
			contains("progress", "legislation change", text(doc.Find(`table.progress-capabilities tr[data-capability="legislation"] .direction`)), want.movedUp)
			check("progress", "domains heading", text(doc.Find("main h2").Eq(2)), want.domainsH)
			if want.lang == "ar" {
				workNoEnglish(t, "progress", doc, w.userText, progressEnglish, "progress.html")
				if got := text(doc.Find(`#slipped li, #moved-up li[data-capability="legislation"]`).First()); !strings.Contains(got, "←") {
					t.Errorf("progress change in Arabic = %q, want the arrow to point the reading way", got)
				}
			}

			// Sharing, as owner: the page, then the flash of a revocation.
			_, doc = owner.get(sharing)
			checkLangDir(t, "sharing", doc, want.lang, want.dir)
			check("sharing", "h1", text(doc.Find("main h1")), want.sharingH1)
			check("sharing", "share button", text(doc.Find("main form button[type=submit]").First()), want.shareButton)
			if want.lang == "ar" {
				workNoEnglish(t, "sharing", doc, w.userText, sharingEnglish, "sharing.html")
			}

			// The partner dashboard.
			pb := w.workSession(t, w.partnerUser, want.lang)
			_, doc = pb.get("/partner")
			checkLangDir(t, "partner", doc, want.lang, want.dir)
			check("partner", "h1", text(doc.Find("main h1")), want.partnerH1)
			contains("partner", "not a ranking", text(doc.Find("#not-a-ranking")), want.notRanking)
			check("partner", "withheld figure", text(doc.Find(`table.aggregates tr[data-capability="leadership"] td`)), want.withheld)
			if want.lang == "ar" {
				workNoEnglish(t, "partner", doc, w.userText, partnerEnglish, "partner.html")
			}

			// Revoking and sharing again, with the flash.
			_, doc = owner.get(sharing)
			action, _ := doc.Find(`table.shares tr[data-active="true"] form`).Attr("action")
			check("sharing", "revoke button", text(doc.Find(`table.shares tr[data-active="true"] button`)), want.revokeButton)
			if res, _ := owner.post(action, url.Values{}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("revoke: status %d", res.StatusCode)
			}
			if res, _ := owner.post(sharing, url.Values{"partner": {w.partner.Name}, "assessment_id": {"0"}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("share again: status %d", res.StatusCode)
			}
			_, doc = owner.get(sharing)
			contains("sharing", "flash", text(doc.Find(".flash")), want.shared)
		})
	}
}

// The English pages keep their texts.
func TestWorkPagesEnglish(t *testing.T) {
	w := newWorkScene(t)
	f := w.f
	b := f.session(f.owner)
	_, doc := b.get(fmt.Sprintf("/assessments/%d", w.next))
	checkLangDir(t, "overview", doc, "en", "ltr")
	for sel, want := range map[string]string{
		".skip-link":                   "Skip to main content",
		".workflow-links a":            "Review and comments (1 open)",
		"tr#cap-leadership .target":    "3 · Established",
		".site-footer p":               "Results are for the country's own planning. They are never used to rank or compare countries.",
		"table.capabilities th":        "Capability",
		".contribution-links a":        "Agencies' contributions",
		"tr#cap-leadership .suggested": "2 · Developing",
	} {
		if got := text(doc.Find(sel).First()); got != want {
			t.Errorf("overview %s = %q, want %q", sel, got, want)
		}
	}
	if got := text(doc.Find("#notifications-link")); !regexp.MustCompile(`^Notifications \(\d+\) unread$`).MatchString(got) {
		t.Errorf("notifications link = %q", got)
	}
	if got := text(doc.Find("#carried-total")); !strings.HasPrefix(got, "Carried forward — confirm ") || !strings.HasSuffix(got, " answers come from the previous cycle and are not confirmed yet.") {
		t.Errorf("overview carried total = %q", got)
	}
	_, doc = b.get(fmt.Sprintf("/assessments/%d/capabilities/leadership", w.next))
	// The count follows the framework version of the scene (every answered
	// leadership indicator is carried), so only the wording is fixed here.
	if got := text(doc.Find("#confirm-all")); !regexp.MustCompile(`^Confirm all [1-9]\d* unchanged$`).MatchString(got) {
		t.Errorf("confirm all = %q", got)
	}
	form := doc.Find("form.capability-form #autosave-text")
	for attr, want := range map[string]string{"data-msg-saving": "Saving…", "data-msg-saved": "Saved at {time}", "data-msg-failed": "Not saved: {reason}"} {
		if got, _ := form.Attr(attr); got != want {
			t.Errorf("capability %s = %q, want %q", attr, got, want)
		}
	}
	if got := text(doc.Find("#priority option").Eq(1)); got != "High" {
		t.Errorf("priority option = %q", got)
	}
	_, doc = b.get(fmt.Sprintf("/organisations/%d/progress", f.org.ID))
	if got := text(doc.Find(`table.progress-capabilities tr[data-capability="legislation"] .direction`)); got != "↑ moved up" {
		t.Errorf("progress direction = %q", got)
	}
	if got := text(doc.Find(`#moved-up li[data-capability="legislation"]`)); got != "3. Legislation: 1 → 3" {
		t.Errorf("progress moved up = %q", got)
	}
	label, _ := doc.Find(`tr[data-capability="leadership"] svg.sparkline`).Attr("aria-label")
	if label != "Leadership: 2026 phase 2 (Developing), 2027 phase 2 (Developing)" {
		t.Errorf("sparkline label = %q", label)
	}
	if got := text(doc.Find("head title")); got != "Progress – "+f.org.Name+" · MNR Self-Assessment" {
		t.Errorf("progress title = %q", got)
	}
}

// workSetPhase answers a capability's indicators Yes up to phase p, No above.
func workSetPhase(t *testing.T, f *fixture, assessmentID int64, key string, p int) {
	t.Helper()
	ctx := context.Background()
	_, _, _, answers, err := f.db.AssessmentContent(ctx, assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	versions := map[string]int{}
	for _, an := range answers {
		versions[an.IndicatorKey] = an.Version
	}
	var batch []assessment.Answer
	for _, in := range f.fw.Capability(key).Indicators {
		v := assessment.No
		if in.Phase <= p {
			v = assessment.Yes
		}
		batch = append(batch, assessment.Answer{AssessmentID: assessmentID, IndicatorKey: in.Key, CapabilityKey: key, Value: v, Version: versions[in.Key]})
	}
	if _, _, err := f.db.SaveCapabilityForm(ctx, assessment.Actor{Name: "Tester"}, batch, nil); err != nil {
		t.Fatal(err)
	}
}

// The English each page showed before it was translated, beyond its
// template's own messages (which workNoEnglish reads from work.en.json):
// texts built in Go and texts of other areas shown on the page.
var (
	overviewEnglish = []string{"Assessments", "Organisation", "Period", "Status", "Draft", "Framework", "version", "Completion",
		"Review and comments", "open", "Progress across cycles", "Previous cycle", "Start the next cycle", "Sharing with partners",
		"Carried forward", "confirm", "answers come from", "Agencies' contributions", "Consolidation", "Domain completion", "Capabilities of",
		"Capability", "Answered", "Suggested", "Confirmed", "Target", "Assigned to", "Not assessed", "Not set", "Assigned to you",
		"Unassign", "Nobody", "Assign", "Developing", "Building", "indicators answered"}
	capabilityEnglish = []string{"Assessments", "Capability", "in this assessment", "Carried forward", "answers on this page", "Confirm all",
		"unchanged", "Why it matters", "What each phase means", "Indicators", "Answer each statement", "Phase", "Confirm unchanged",
		"Evidence", "Links to evidence", "one web address per line", "Note", "Suggested phase", "indicators answered",
		"Confirmed phase", "Use the suggested phase", "Justification", "Target phase", "Not set", "Priority", "High", "Medium", "Low",
		"Lead agency or person", "Save", "Save and go to next", "Review comments", "Comments", "open", "Reply", "Your reply",
		"Send reply", "Resolve", "Open", "Resolved", "No comments yet", "New comment", "Add comment",
		"Recommendations that bear on this capability", "Overview", "Yes", "Partly", "Don't know", "Not applicable"}
	reviewEnglish = []string{"Assessments", "Review", "Status", "Draft", "Last submitted", "Open comments", "Carried forward",
		"Draft → in review", "Next step", "comment thread", "answers carried forward", "Submit for review", "General comments",
		"Comments per capability", "open", "Reply", "Your reply", "Send reply", "Resolve", "Open", "No comments yet", "New comment",
		"Add comment"}
	cycleEnglish = []string{"Assessments", "Next cycle", "Start the next cycle", "The new assessment continues", "Every answer",
		"Carried forward", "confirm", "Targets, priorities and leads", "Title", "Period", "for example"}
	progressEnglish = []string{"Assessments", "Progress", "Progress across cycles", "Each cycle's phases", "Approved", "Draft",
		"draft", "Moved up", "Slipped", "None", "Domains", "Domain", "Change", "Capabilities", "Capability", "Trend",
		"moved up", "slipped", "unchanged", "not assessed", "no comparable data", "not in scope", "phase", "Developing", "Established"}
	sharingEnglish = []string{"Assessments", "Sharing", "Sharing with partners", "A partner organisation", "Share with a partner",
		"Partner organisation", "its exact name", "What to share", "All approved assessments", "Only the report", "Approved", "Draft",
		"Share", "Shared so far", "Partner", "What", "Given", "Status", "Active", "Revoked", "Revoke", "Nothing is shared", "by"}
	partnerEnglish = []string{"Shared with us", "Reports shared with", "This is not a ranking", "Progress of each organisation",
		"Mean phase", "per approved cycle", "Cycle", "Established or above", "partial scope", "assessed", "Reports", "Draft",
		"Across the countries", "For each capability", "currently share a national assessment", "Capability", "At Established or above", "Not shown",
		"fewer than", "mean phase", "Non-governmental organisation", "no approved assessment"}
	layoutEnglish = []string{"Skip to main content", "MNR Self-Assessment", "Assessments", "Organisations", "Shared with us",
		"Account", "Notifications", "unread", "Sign out", "Results are for the country's own planning"}
)

var workMessageCall = regexp.MustCompile(`\b(?:t|thtml) "([A-Za-z0-9_-]+)"`)

// workNoEnglish fails when the Arabic page's main content still shows one
// of the known English strings, or a fragment of the English text of a
// message its templates use. Text users wrote is left out first.
func workNoEnglish(t *testing.T, page string, doc *goquery.Document, userText, known []string, templates ...string) {
	t.Helper()
	body := " " + text(doc.Find("main")) + " "
	for _, s := range userText {
		body = strings.ReplaceAll(body, s, " ")
	}
	seen := map[string]bool{}
	for _, s := range append(known, workTemplateEnglish(t, templates...)...) {
		if seen[s] {
			continue
		}
		seen[s] = true
		if containsWord(body, s) {
			t.Errorf("%s (ar): English text %q is left in the page", page, s)
		}
	}
}

// workNoEnglishLayout checks the header and footer of an Arabic page.
func workNoEnglishLayout(t *testing.T, doc *goquery.Document) {
	t.Helper()
	body := " " + text(doc.Find("header.site-header, footer.site-footer")) + " "
	body = strings.ReplaceAll(body, "owner", " ")
	seen := map[string]bool{}
	for _, s := range append(layoutEnglish, workTemplateEnglish(t, "layout.html")...) {
		if seen[s] {
			continue
		}
		seen[s] = true
		if containsWord(body, s) {
			t.Errorf("layout (ar): English text %q is left in the page", s)
		}
	}
	if got, _ := doc.Find(".site-header nav").Attr("aria-label"); got == "Main" {
		t.Error("layout (ar): the main navigation's label is in English")
	}
	if got := text(doc.Find("head title")); strings.Contains(got, "MNR Self-Assessment") {
		t.Errorf("layout (ar): title %q keeps the English name", got)
	}
}

var workLatinWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// workTemplateEnglish returns the English fragments (between template
// actions and markup, with a word of three letters or more) of the messages
// the templates use.
func workTemplateEnglish(t *testing.T, templates ...string) []string {
	t.Helper()
	en := map[string]any{}
	files, _ := filepath.Glob(filepath.Join("..", "i18n", "locales", "*en.json"))
	for _, fn := range files {
		data, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", fn, err)
		}
		for k, v := range m {
			en[k] = v
		}
	}
	split := regexp.MustCompile(`{{[^}]*}}|<[^>]*>`)
	var out []string
	for _, tmpl := range templates {
		src, err := os.ReadFile(filepath.Join("..", "..", "templates", tmpl))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range workMessageCall.FindAllStringSubmatch(string(src), -1) {
			var texts []string
			switch v := en[m[1]].(type) {
			case string:
				texts = append(texts, v)
			case map[string]any:
				for _, x := range v {
					if s, ok := x.(string); ok {
						texts = append(texts, s)
					}
				}
			}
			for _, s := range texts {
				for _, frag := range split.Split(s, -1) {
					frag = strings.Trim(frag, " ·:()–,.“”")
					if workLatinWord.MatchString(frag) {
						out = append(out, frag)
					}
				}
			}
		}
	}
	return out
}
