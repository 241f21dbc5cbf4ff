package view_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

func newView(t testing.TB) *view.View {
	t.Helper()
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	v, err := view.New(b)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestRenderReportWithoutRequest: a report's print job is rendered from the
// report alone, in its language and direction, self-contained (styles
// inlined, no script, no asset fetched) and with nothing of a reader.
func TestRenderReportWithoutRequest(t *testing.T) {
	v := newView(t)
	fw, err := framework.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{ID: 7, Title: "National assessment", Period: "2026", FrameworkVersion: fw.Version,
		Status: assessment.StatusDraft, Marking: assessment.Markings[0]}
	d := assessment.NewDetail(fw, assessment.Organisation{ID: 1, Name: "Ruritania"}, a, nil, nil)
	for _, lang := range []string{"en", "ar", "fr", "es"} {
		job, err := v.ReportJob(report.Build(d, nil, lang), &d.Assessment, false, true)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(job.HTML))
		if err != nil {
			t.Fatal(err)
		}
		html := doc.Find("html")
		if l, _ := html.Attr("lang"); l != lang {
			t.Errorf("%s: lang %q", lang, l)
		}
		if dir, _ := html.Attr("dir"); dir != i18n.Default().For(lang).Dir() {
			t.Errorf("%s: dir %q", lang, dir)
		}
		if doc.Find("style").Length() == 0 || doc.Find("script, link[rel=stylesheet], form.signout").Length() != 0 {
			t.Errorf("%s: the print job is not self-contained or shows a reader", lang)
		}
		if job.Key.ID != 7 || job.Key.Variant != "alone" {
			t.Errorf("%s: cache key %+v", lang, job.Key)
		}
	}
	if _, err := v.Render("en", "no-such-page", view.Page{}); err == nil {
		t.Error("an unknown page rendered")
	}
}

// TestAssetURLsAreHashed: the pages link to static files by a name that
// carries their content's hash, and the file is found under that name.
func TestAssetURLsAreHashed(t *testing.T) {
	a := newView(t).Assets()
	u := a.URL("app.css")
	name, ok := strings.CutPrefix(u, "/static/")
	if !ok || name == "app.css" || !strings.HasPrefix(name, "app.") {
		t.Fatalf("app.css is linked as %q", u)
	}
	if b, ok := a.File(name); !ok || len(b) == 0 {
		t.Errorf("%s not served", name)
	}
}

// TestPrintCSSQuotes: a title cannot end the CSS string or the rule.
func TestPrintCSSQuotes(t *testing.T) {
	tr := i18n.Default().For("ar")
	css := view.PrintCSS(tr, &assessment.Assessment{Title: `x"; } body { color: red } </style>`, Period: "2026", Marking: assessment.Markings[0]})
	if strings.Contains(css, `"; }`) || strings.Contains(css, "</style>") || !strings.Contains(css, "@top-right") {
		t.Errorf("print CSS: %s", css)
	}
}

// TestViewKnowsNoRequest: view, export and the command line's exports
// reach neither Echo nor the web package.
func TestViewKnowsNoRequest(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".", "../export").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "labstack/echo") || strings.HasSuffix(dep, "/internal/web") || strings.HasSuffix(dep, "net/http/httptest") {
			t.Errorf("view or export depends on %s", dep)
		}
	}
}
