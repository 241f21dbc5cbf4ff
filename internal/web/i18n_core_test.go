package web_test

import (
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

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// switchLanguage chooses the interface language the way the switcher on
// every page does.
func (b *browser) switchLanguage(lang string) {
	b.a.t.Helper()
	b.get("/")
	if res, _ := b.post("/language", url.Values{"lang": {lang}, "next": {"/"}}); res.StatusCode != http.StatusSeeOther {
		b.a.t.Fatalf("switch to %s: status %d", lang, res.StatusCode)
	}
}

// coreExpect is what the core pages must show in one language.
type coreExpect struct {
	lang, dir string
	// report
	summaryH, tableH, annexH, mean, established, leadPhase, leadTarget, priority, slipped, notSet string
	// organisations (as administrator), with an empty name submitted
	orgsH1, kindLaw, countryLabel, nameRequired, added string
	// start an assessment
	newH1, newSubmit, coverageAll string
	// error pages
	status404, assessmentNotFound, noPage, status403, viewerRefusal string
	// a stale answer on the capability form
	staleAnswer string
	// the progress bar's label on the assessment page
	progress string
}

var coreExpectations = []coreExpect{
	{
		lang: "ar", dir: "rtl",
		summaryH: "الملخص التنفيذي", tableH: "القدرات في لمحة", annexH: "الملحق: جميع الإجابات",
		mean: "1.1", established: "1 من 21 (4\u200e%\u200e)", leadPhase: "3 · راسخة", leadTarget: "4 · ناضجة", priority: "متوسطة",
		slipped: "3 ← 2", notSet: "لم تُحدَّد",
		orgsH1: "الجهات", kindLaw: "وحدة إنفاذ القانون", countryLabel: "رمز البلد (ISO 3166، حرفان)",
		nameRequired: "الاسم: حقل مطلوب", added: "أُضيفت الجهة «\u2068Unité nationale\u2069».",
		newH1: "بدء تقييم", newSubmit: "بدء التقييم", coverageAll: "جميع القدرات الـ21 (تقييم وطني)",
		status404: "غير موجود", assessmentNotFound: "لم يُعثر على التقييم", noPage: "لا توجد صفحة بهذا العنوان.",
		status403: "غير مسموح بالوصول", viewerRefusal: "يتيح لك دورك في هذه الجهة (قارئ) الاطلاع على هذا التقييم دون تعديله.",
		staleAnswer: "المؤشر \u20681.1\u2069",
		progress:    "المؤشرات المُجاب عنها:",
	},
	{
		lang: "fr", dir: "ltr",
		summaryH: "Synthèse", tableH: "Les capacités en un coup d'œil", annexH: "Annexe : toutes les réponses",
		mean: "1,1", established: "1 sur 21 (4\u00a0%)", leadPhase: "3 · Établie", leadTarget: "4 · Mature", priority: "Moyenne",
		slipped: "3 → 2", notSet: "À définir",
		orgsH1: "Organisations", kindLaw: "Unité des services répressifs", countryLabel: "Code pays (ISO 3166, deux lettres)",
		nameRequired: "Nom : champ obligatoire", added: "Organisation « Unité nationale » ajoutée.",
		newH1: "Commencer une évaluation", newSubmit: "Commencer l'évaluation", coverageAll: "Les 21 capacités (évaluation nationale)",
		status404: "Introuvable", assessmentNotFound: "Évaluation introuvable", noPage: "Aucune page ne correspond à cette adresse.",
		status403: "Accès refusé", viewerRefusal: "Votre rôle dans cette organisation (lecteur) permet de consulter cette évaluation, mais pas de la modifier.",
		staleAnswer: "a modifié l'indicateur 1.1",
		progress:    "Indicateurs renseignés :",
	},
	{
		lang: "es", dir: "ltr",
		summaryH: "Resumen ejecutivo", tableH: "Las capacidades de un vistazo", annexH: "Anexo: todas las respuestas",
		mean: "1,1", established: "1 de 21 (4\u00a0%)", leadPhase: "3 · Consolidada", leadTarget: "4 · Madura", priority: "Media",
		slipped: "3 → 2", notSet: "Por definir",
		orgsH1: "Organizaciones", kindLaw: "Unidad de las fuerzas del orden", countryLabel: "Código de país (ISO 3166, dos letras)",
		nameRequired: "Nombre: campo obligatorio", added: "Organización «Unité nationale» añadida.",
		newH1: "Iniciar una evaluación", newSubmit: "Iniciar la evaluación", coverageAll: "Las 21 capacidades (evaluación nacional)",
		status404: "No encontrado", assessmentNotFound: "No se ha encontrado la evaluación", noPage: "No hay ninguna página en esta dirección.",
		status403: "Acceso denegado", viewerRefusal: "Su rol en esta organización (lector) permite consultar esta evaluación, pero no modificarla.",
		staleAnswer: "modificó el indicador 1.1",
		progress:    "Indicadores respondidos:",
	},
}

func TestCorePagesTranslated(t *testing.T) {
	f, _, cur := twoCycles(t)
	report := fmt.Sprintf("/assessments/%d/report", cur.ID)
	for _, want := range coreExpectations {
		t.Run(want.lang, func(t *testing.T) {
			owner := f.login(f.owner.Email)
			owner.switchLanguage(want.lang)

			// The report.
			res, doc := owner.get(report)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("report: status %d", res.StatusCode)
			}
			checkLangDir(t, "report", doc, want.lang, want.dir)
			row := doc.Find(`#capability-table tr[data-capability="leadership"]`)
			for _, c := range []struct{ what, got, want string }{
				{"summary heading", text(doc.Find("#summary-h")), want.summaryH},
				{"table heading", text(doc.Find("#table-h")), want.tableH},
				{"annex heading", text(doc.Find("#annex-h")), want.annexH},
				{"mean phase", text(doc.Find("#overall-mean")), want.mean},
				{"share at Established", doc.Find("#overall-established").Text(), want.established},
				{"leadership phase", text(row.Find(".phase")), want.leadPhase},
				{"leadership target", text(row.Find(".target")), want.leadTarget},
				{"leadership priority", text(row.Find("td").Eq(4)), want.priority},
			} {
				if c.got != c.want {
					t.Errorf("report %s = %q, want %q", c.what, c.got, c.want)
				}
			}
			if got := text(doc.Find(`#slipped li[data-capability="legislation"]`)); !strings.Contains(got, want.slipped) {
				t.Errorf("report slipped = %q, want it to contain %q", got, want.slipped)
			}
			if got := text(doc.Find(`#cover-status`)); got == "Draft" || got == "" {
				t.Errorf("report status = %q, not translated", got)
			}
			if want.lang == "ar" {
				noEnglishLeft(t, "report", doc, "report.html", reportEnglish, userData(f))
			}

			// A new organisation, as administrator: the form, a field
			// error in the page's language, then the flash.
			admin := f.login(f.admin.Email)
			admin.switchLanguage(want.lang)
			_, doc = admin.get("/organisations")
			checkLangDir(t, "organisations", doc, want.lang, want.dir)
			if got := text(doc.Find("h1")); got != want.orgsH1 {
				t.Errorf("organisations h1 = %q, want %q", got, want.orgsH1)
			}
			if got := text(doc.Find(`#kind option[value="law-enforcement"]`)); got != want.kindLaw {
				t.Errorf("kind label = %q, want %q", got, want.kindLaw)
			}
			if got := text(doc.Find(`label[for="country"]`)); got != want.countryLabel {
				t.Errorf("country label = %q, want %q", got, want.countryLabel)
			}
			res, doc = admin.post("/organisations", url.Values{"name": {" "}, "kind": {"law-enforcement"}, "country": {"XD"}})
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("empty name: status %d", res.StatusCode)
			}
			if got := text(doc.Find("#name-error")); got != want.nameRequired {
				t.Errorf("name error = %q, want %q", got, want.nameRequired)
			}
			if want.lang == "ar" {
				noEnglishLeft(t, "organisations", doc, "organisations.html", orgsEnglish, userData(f))
			}
			name := "Unité nationale " + strings.ToUpper(want.lang)
			if res, _ := admin.post("/organisations", url.Values{"name": {name}, "kind": {"law-enforcement"}, "country": {"XD"}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("add organisation: status %d", res.StatusCode)
			}
			_, doc = admin.get("/organisations")
			if got, added := text(doc.Find(".flash")), strings.Replace(want.added, "Unité nationale", name, 1); got != added {
				t.Errorf("flash = %q, want %q", got, added)
			}

			// Starting an assessment.
			_, doc = owner.get("/assessments/new")
			checkLangDir(t, "assessment_new", doc, want.lang, want.dir)
			for _, c := range []struct{ what, got, want string }{
				{"h1", text(doc.Find("h1")), want.newH1},
				{"submit", text(doc.Find("form button[type=submit]").Last()), want.newSubmit},
				{"coverage", text(doc.Find(`label[for="coverage-all"]`)), want.coverageAll},
			} {
				if c.got != c.want {
					t.Errorf("assessment_new %s = %q, want %q", c.what, c.got, c.want)
				}
			}
			if want.lang == "ar" {
				noEnglishLeft(t, "assessment_new", doc, "assessment_new.html", newEnglish, userData(f))
			}

			// Error pages: a domain "not found", an unknown address, and a
			// refusal with its reason.
			res, doc = owner.get("/assessments/999999/report")
			if res.StatusCode != http.StatusNotFound {
				t.Fatalf("missing assessment: status %d", res.StatusCode)
			}
			checkLangDir(t, "error", doc, want.lang, want.dir)
			if got := text(doc.Find("main h1")); got != want.status404 {
				t.Errorf("404 title = %q, want %q", got, want.status404)
			}
			if got := text(doc.Find(".error-message")); got != want.assessmentNotFound {
				t.Errorf("404 message = %q, want %q", got, want.assessmentNotFound)
			}
			if want.lang == "ar" {
				noEnglishLeft(t, "error", doc, "error.html", errorEnglish, nil)
			}
			if res, doc = owner.get("/no-such-page"); res.StatusCode != http.StatusNotFound || !strings.HasPrefix(text(doc.Find(".error-message")), want.noPage) {
				t.Errorf("unknown address: %d %q, want %q", res.StatusCode, text(doc.Find(".error-message")), want.noPage)
			}
			viewer := f.login(f.viewer.Email)
			viewer.switchLanguage(want.lang)
			viewer.get(fmt.Sprintf("/assessments/%d/capabilities/leadership", cur.ID))
			res, doc = viewer.post(fmt.Sprintf("/assessments/%d/capabilities/leadership", cur.ID), url.Values{"version.leadership-1": {"1"}, "answer.leadership-1": {"no"}})
			if res.StatusCode != http.StatusForbidden || text(doc.Find("main h1")) != want.status403 || text(doc.Find(".error-message")) != want.viewerRefusal {
				t.Errorf("viewer refusal: %d %q %q, want %q %q", res.StatusCode, text(doc.Find("main h1")), text(doc.Find(".error-message")), want.status403, want.viewerRefusal)
			}

			// A stale answer on the capability form says, translated, who
			// changed which indicator (by number), and shows the stored
			// answer beside the one typed.
			capPath := fmt.Sprintf("/assessments/%d/capabilities/leadership", cur.ID)
			owner.get(capPath)
			res, doc = owner.post(capPath, url.Values{"version.leadership-1": {"0"}, "answer.leadership-1": {"no"}})
			if res.StatusCode != http.StatusConflict || !strings.Contains(text(doc.Find("#form-error")), want.staleAnswer) {
				t.Errorf("stale answer: %d %q, want it to contain %q", res.StatusCode, text(doc.Find("#form-error")), want.staleAnswer)
			}
			tr := i18n.Default().For(want.lang)
			if got := text(doc.Find(`[data-conflict="leadership-1"] .conflict-value`).First()); got != tr.T("Answer_yes") {
				t.Errorf("stale answer: stored value shown as %q, want %q", got, tr.T("Answer_yes"))
			}

			// The progress bars of the assessment page.
			_, doc = owner.get(fmt.Sprintf("/assessments/%d", cur.ID))
			label, _ := doc.Find("progress").First().Attr("aria-label")
			if !strings.HasPrefix(label, want.progress) {
				t.Errorf("progress label = %q, want it to start with %q", label, want.progress)
			}
		})
	}
}

// The English pages are unchanged.
func TestCorePagesEnglish(t *testing.T) {
	f, _, cur := twoCycles(t)
	b := f.login(f.owner.Email)
	_, doc := b.get(fmt.Sprintf("/assessments/%d/report", cur.ID))
	checkLangDir(t, "report", doc, "en", "ltr")
	for sel, want := range map[string]string{
		"#summary-h": "Executive summary", "#overall-established": "1 of 21 (4%)", "#overall-mean": "1.1",
		`#capability-table tr[data-capability="leadership"] .phase`: "3 · Established",
		`#cover-status`: "Draft",
	} {
		if got := text(doc.Find(sel)); got != want {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	if got := text(doc.Find(`#slipped li[data-capability="legislation"]`)); !strings.HasSuffix(got, "Legislation: 3 → 2") {
		t.Errorf("slipped = %q", got)
	}
	res, doc := b.get("/assessments/999999/report")
	if res.StatusCode != 404 || text(doc.Find("main h1")) != "Not Found" || text(doc.Find(".error-message")) != "assessment not found" {
		t.Errorf("404: %d %q %q", res.StatusCode, text(doc.Find("main h1")), text(doc.Find(".error-message")))
	}
}

func checkLangDir(t *testing.T, page string, doc *goquery.Document, lang, dir string) {
	t.Helper()
	html := doc.Find("html")
	if l, _ := html.Attr("lang"); l != lang {
		t.Errorf("%s: lang=%q, want %q", page, l, lang)
	}
	if d, _ := html.Attr("dir"); d != dir {
		t.Errorf("%s: dir=%q, want %q", page, d, dir)
	}
}

// userData is the fixture's own text (names, titles, leads, notes), which
// stays as written in every language.
func userData(f *fixture) []string {
	return []string{f.org.Name, f.other.Name, "National self-assessment", "Lead of ", "note ", "old evidence", "Tester"}
}

// The English strings each page showed before it was translated: none may
// be left in the Arabic page (its main content; the layout is another
// area's).
var (
	reportEnglish = []string{"Assessments", "Print", "Download PDF", "Organisation", "Country", "Period", "Scope",
		"National assessment", "Framework version", "Status", "Report date", "Contributors",
		"This report is for the country's own planning", "Executive summary", "Mean phase", "At Established or above",
		"Capabilities assessed", "Indicators answered", "Maturity by capability and domain", "Domains: mean phase",
		"Mean target", "Assessed", "Answered", "Previous cycle", "Capabilities at a glance", "Phase, target and gap",
		"Capability", "Previous", "Target", "Gap", "Priority", "Lead", "Evidence items", "Not assessed", "Not set",
		"medium", "Medium", "Change since", "Moved up", "Slipped", "None.", "capabilities are unchanged", "Outcome:",
		"capabilities assessed", "of indicators answered", "Suggested by the answers", "Justification:",
		"Indicators met", "Not met", "Phase ", "None yet", "Next steps", "towards", "evidence:",
		"Every indicator of the next phase is met", "top of the scale", "Recommendations that bear on it",
		"Annex: every answer", "Every indicator in scope", "Every indicator with its answer", "Indicator", "Answer",
		"Evidence", "Note", "Last saved", "Yes", "Partly", "Don't know", "Not applicable", "Draft"}
	orgsEnglish = []string{"Organisations", "Organisations you can see", "Name", "Kind", "Country", "Manage",
		"Members", "Activity", "No organisations to show", "Add an organisation", "Country code", "Add organisation",
		"is required", "National coordinating body", "Law enforcement unit", "Ministry", "Prosecution service",
		"Social services", "Education authority", "Hotline", "Child helpline", "Regulator", "Industry body",
		"Non-governmental organisation", "International partner"}
	newEnglish = []string{"Start an assessment", "Organisation", "Title", "National MNR self-assessment", "Period",
		"Capabilities to assess", "All 21 capabilities", "national assessment", "Only the capabilities chosen below",
		"agency assessment", "The assessment uses framework version", "Start assessment"}
	errorEnglish = []string{"Not Found", "not found", "assessment", "Back to your assessments"}
)

var latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// noEnglishLeft fails when the Arabic page's main content still shows one
// of the known English strings, or a fragment of the English text of a
// message the page's template uses (which would mean the Arabic message is
// missing or copied from English). Strings must match whole words.
func noEnglishLeft(t *testing.T, page string, doc *goquery.Document, tmpl string, known, userData []string) {
	t.Helper()
	body := " " + text(doc.Find("main")) + " "
	for _, s := range userData {
		body = strings.ReplaceAll(body, s, " ")
	}
	seen := map[string]bool{}
	for _, s := range append(known, templateEnglish(t, tmpl)...) {
		if s = strings.TrimSpace(s); seen[s] {
			continue
		}
		seen[s] = true
		if containsWord(body, s) {
			t.Errorf("%s (ar): English text %q is left in the page", page, s)
		}
	}
}

func containsWord(body, s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(body[i:], s)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(s)
		if (start == 0 || !isLetter(body[start-1])) && (end >= len(body) || !isLetter(body[end])) {
			return true
		}
		i = start + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

var (
	tCall      = regexp.MustCompile(`\bt "([A-Za-z0-9_-]+)"`)
	tmplAction = regexp.MustCompile(`{{[^}]*}}`)
)

// templateEnglish returns the English text fragments (between template
// actions, with a word of three letters or more) of the messages a
// template uses.
func templateEnglish(t *testing.T, tmpl string) []string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "templates", tmpl))
	if err != nil {
		t.Fatal(err)
	}
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
	var out []string
	for _, m := range tCall.FindAllStringSubmatch(string(src), -1) {
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
			for _, frag := range tmplAction.Split(s, -1) {
				frag = strings.Trim(frag, " ·:()–,.")
				if latinWord.MatchString(frag) && !intentionallyLatin[frag] {
					out = append(out, frag)
				}
			}
		}
	}
	return out
}

// intentionallyLatin are message texts that stay in Latin script in Arabic
// (names of file formats).
var intentionallyLatin = map[string]bool{"Excel (XLSX": true}
