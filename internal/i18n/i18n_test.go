package i18n_test

import (
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

func TestEveryMessageInEveryLanguage(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for lang, ids := range b.Missing() {
		if len(ids) > 0 {
			t.Errorf("%s lacks %d messages: %v", lang, len(ids), ids)
		}
	}
	for _, l := range i18n.Languages {
		tr := b.For(l.Code)
		for _, id := range b.IDs() {
			if got := tr.T(id, "Count", 3, "Day", 1, "Month", "m", "Year", 2026); got == "" {
				t.Errorf("%s: %s does not translate", l.Code, id)
			}
		}
	}
}

func TestNegotiate(t *testing.T) {
	cases := []struct{ choice, accept, want string }{
		{"ar", "fr-FR", "ar"},
		{"", "fr-CA,fr;q=0.9,en;q=0.5", "fr"},
		{"", "ar-JO", "ar"},
		{"", "es-419", "es"},
		{"", "de-DE", "en"},
		{"xx", "", "en"},
	}
	for _, c := range cases {
		if got := i18n.Negotiate(c.choice, c.accept); got != c.want {
			t.Errorf("Negotiate(%q, %q) = %q, want %q", c.choice, c.accept, got, c.want)
		}
	}
}

func TestLocaleFormats(t *testing.T) {
	b, _ := i18n.New()
	d := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	want := map[string]string{"en": "27 November 2026", "fr": "27 novembre 2026", "es": "27 de noviembre de 2026", "ar": "27 نوفمبر 2026"}
	for code, w := range want {
		if got := b.For(code).Date(d); got != w {
			t.Errorf("%s date = %q, want %q", code, got, w)
		}
	}
	if got := b.For("fr").Decimal(1.5, 1); got != "1,5" {
		t.Errorf("fr decimal = %q", got)
	}
	if got := b.For("en").Decimal(1.5, 1); got != "1.5" {
		t.Errorf("en decimal = %q", got)
	}
	if got := b.For("ar").T("IndicatorsAnswered", "Count", 2); got != "تمت الإجابة عن مؤشرين" {
		t.Errorf("ar dual = %q", got)
	}
	if b.For("ar").Dir() != "rtl" || b.For("fr").Dir() != "ltr" {
		t.Error("direction")
	}
}
