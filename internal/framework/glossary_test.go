package framework_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// glossary is a data/glossary.<lang>.yaml file: the one rendering of each
// term that matters in one language.
type glossary struct {
	Lang  string `yaml:"lang"`
	Terms []struct {
		EN    []string `yaml:"en"`
		Use   string   `yaml:"use"`
		Also  []string `yaml:"also"`
		Avoid []string `yaml:"avoid"`
		Note  string   `yaml:"note"`
	} `yaml:"terms"`
}

func loadGlossary(t *testing.T, lang string) glossary {
	t.Helper()
	b, err := os.ReadFile("data/glossary." + lang + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var g glossary
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("glossary.%s.yaml: %v", lang, err)
	}
	if g.Lang != lang || len(g.Terms) == 0 {
		t.Fatalf("glossary.%s.yaml: lang %q, %d terms", lang, g.Lang, len(g.Terms))
	}
	return g
}

var words = map[string]*regexp.Regexp{}

// word matches s as a whole word (or phrase), case-insensitively unless it
// is an acronym, so "hotline" does not match inside another word and "ESI"
// only as the acronym.
func word(s string) *regexp.Regexp {
	if re, ok := words[s]; ok {
		return re
	}
	flags := "(?i)"
	if strings.ToUpper(s) == s {
		flags = ""
	}
	re := regexp.MustCompile(flags + `(^|[^\p{L}])` + regexp.QuoteMeta(s) + `($|[^\p{L}])`)
	words[s] = re
	return re
}

// norm prepares a text for comparison: lower case, and in Arabic without
// short-vowel marks, which the glossary does not write.
func norm(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640 {
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// TestTranslationsUseTheGlossary: in every framework version, a text whose
// English names a glossary term uses that term's rendering, and no text
// uses an avoided form (the English acronym CSAM, the undefined EASE and
// ESI, « pédopornographie » for the Convention's « pornographie
// enfantine », offender "support" for what is prevention work).
func TestTranslationsUseTheGlossary(t *testing.T) {
	versions, err := framework.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"fr", "es", "ar"} {
		g := loadGlossary(t, lang)
		for _, v := range versions {
			fw, err := framework.Get(v)
			if err != nil {
				t.Fatal(err)
			}
			for _, nt := range fw.Texts() {
				en, tr := nt.Text["en"], nt.Text[lang]
				where := fmt.Sprintf("%s %s %s", v, lang, nt.Where)
				for _, term := range g.Terms {
					for _, a := range term.Avoid {
						if word(a).MatchString(tr) {
							t.Errorf("%s uses %q (glossary: %q): %s", where, a, term.Use, tr)
						}
					}
					if !namesAny(en, term.EN) {
						continue
					}
					if !containsAny(tr, append([]string{term.Use}, term.Also...)) {
						t.Errorf("%s: English names %q but the text lacks %q: %s", where, term.EN[0], term.Use, tr)
					}
				}
			}
		}
	}
}

func namesAny(s string, terms []string) bool {
	for _, term := range terms {
		if word(term).MatchString(s) {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of the forms. An Arabic form
// with the article (ال) also matches after the preposition li- (لل), as in
// للاستغلال for "for the exploitation".
func containsAny(s string, forms []string) bool {
	s = norm(s)
	for _, f := range forms {
		f = norm(f)
		if strings.Contains(s, f) {
			return true
		}
		if rest, ok := strings.CutPrefix(f, "ال"); ok && strings.Contains(s, "لل"+rest) {
			return true
		}
	}
	return false
}

// The French legal term is the Convention's own: « pornographie enfantine »
// where the Lanzarote offences are listed.
func TestFrenchLanzaroteTerm(t *testing.T) {
	versions, _ := framework.Versions()
	for _, v := range versions {
		fw, _ := framework.Get(v)
		found := false
		for _, in := range fw.Capability("legislation").Indicators {
			if strings.Contains(in.Text["en"], "art. 20") {
				found = true
				if !strings.Contains(in.Text["fr"], "pornographie enfantine (art.\u00a020") && !strings.Contains(in.Text["fr"], "pornographie enfantine (art. 20") {
					t.Errorf("%s %s: French does not give art. 20 its legal name « pornographie enfantine »: %s", v, in.Key, in.Text["fr"])
				}
			}
		}
		if !found {
			t.Errorf("%s: no legislation indicator lists the Lanzarote offences", v)
		}
	}
}
