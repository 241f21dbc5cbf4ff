// Package i18n translates the interface: go-i18n message files for English,
// Arabic, French and Spanish (with plural forms), language negotiation,
// text direction, and dates and numbers in the reader's locale.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

//go:embed locales/*.json
var locales embed.FS

// Lang is one supported interface language.
type Lang struct {
	Code string // BCP 47: en, ar, fr, es
	Name string // its own name for itself
	Dir  string // ltr or rtl
}

// Languages lists the supported languages; the first is the default.
var Languages = []Lang{
	{"en", "English", "ltr"},
	{"ar", "العربية", "rtl"},
	{"fr", "Français", "ltr"},
	{"es", "Español", "ltr"},
}

var matcher = language.NewMatcher([]language.Tag{language.English, language.Arabic, language.French, language.Spanish})

// Supported reports whether code is one of Languages.
func Supported(code string) bool {
	for _, l := range Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// Negotiate picks the language: an explicit choice (the user's preference
// or the language cookie) when supported, else the best match for the
// browser's Accept-Language, else English.
func Negotiate(choice, acceptLanguage string) string {
	if Supported(choice) {
		return choice
	}
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, idx, conf := matcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return Languages[idx].Code
}

// Bundle holds every message file.
type Bundle struct {
	b   *goi18n.Bundle
	ids map[string][]string // language → message ids
	// translators: one per language, made once, since a localizer and a
	// number printer are costly to build on every request.
	translators map[string]*Translator
}

// New loads the embedded message files.
func New() (*Bundle, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	out := &Bundle{b: b, ids: map[string][]string{}}
	for _, l := range Languages {
		// en.json holds the shared messages; area files (report.en.json,
		// account.en.json, …) keep each part of the app's messages together.
		names, err := fs.Glob(locales, "locales/*"+l.Code+".json")
		if err != nil {
			return nil, err
		}
		seen := map[string]string{}
		for _, name := range names {
			base := path.Base(name)
			if base != l.Code+".json" && !strings.HasSuffix(base, "."+l.Code+".json") {
				continue
			}
			data, err := fs.ReadFile(locales, name)
			if err != nil {
				return nil, fmt.Errorf("i18n: %w", err)
			}
			mf, err := b.ParseMessageFileBytes(data, base)
			if err != nil {
				return nil, fmt.Errorf("i18n: %s: %w", name, err)
			}
			for _, m := range mf.Messages {
				if prev, dup := seen[m.ID]; dup {
					return nil, fmt.Errorf("i18n: message %q is in both %s and %s", m.ID, prev, base)
				}
				seen[m.ID] = base
				out.ids[l.Code] = append(out.ids[l.Code], m.ID)
			}
		}
	}
	out.translators = map[string]*Translator{}
	for _, l := range Languages {
		// Western digits in every language, Arabic included: dates, phase
		// numbers and figures then read the same everywhere on a page.
		out.translators[l.Code] = &Translator{Lang: l, loc: goi18n.NewLocalizer(b, l.Code, "en"),
			printer: message.NewPrinter(language.Make(l.Code + "-u-nu-latn"))}
	}
	return out, nil
}

// Missing lists, per language, the message ids English has and it lacks.
func (b *Bundle) Missing() map[string][]string {
	en := map[string]bool{}
	for _, id := range b.ids["en"] {
		en[id] = true
	}
	out := map[string][]string{}
	for _, l := range Languages[1:] {
		have := map[string]bool{}
		for _, id := range b.ids[l.Code] {
			have[id] = true
		}
		for id := range en {
			if !have[id] {
				out[l.Code] = append(out[l.Code], id)
			}
		}
		sort.Strings(out[l.Code])
	}
	return out
}

// IDs lists the English message ids.
func (b *Bundle) IDs() []string { return append([]string(nil), b.ids["en"]...) }

// Translator speaks one language.
type Translator struct {
	Lang    Lang
	loc     *goi18n.Localizer
	printer *message.Printer
	plain   sync.Map // message id → its text, for messages given no arguments
	// filled: message id and arguments → text, for arguments that are
	// strings and numbers only (a phase, a count, a framework text),
	// bounded by filledMax entries.
	filled  sync.Map
	nFilled atomic.Int64
}

// filledMax bounds the filled messages kept per language.
const filledMax = 8192

// For returns the translator for a supported language code (English
// otherwise).
func (b *Bundle) For(code string) *Translator {
	if t, ok := b.translators[code]; ok {
		return t
	}
	return b.translators[Languages[0].Code]
}

// T translates a message id. Arguments are name/value pairs for the
// message's template; a "Count" argument also selects the plural form.
// A missing id shows as the id itself so it is noticed, never as blank.
func (t *Translator) T(id string, args ...any) string {
	if len(args) == 0 {
		// Pages ask for the same fixed texts on every request: look each up once.
		if s, ok := t.plain.Load(id); ok {
			return s.(string)
		}
		s := t.localize(id, nil)
		t.plain.Store(id, s)
		return s
	}
	key, ok := filledKey(id, args)
	if !ok {
		return t.localize(id, args)
	}
	if s, ok := t.filled.Load(key); ok {
		return s.(string)
	}
	s := t.localize(id, args)
	if t.nFilled.Add(1) <= filledMax {
		t.filled.Store(key, s)
	}
	return s
}

// filledKey is the cache key of a message with its arguments, when every
// argument is a string or a whole number; ok is false otherwise.
func filledKey(id string, args []any) (string, bool) {
	var b strings.Builder
	b.WriteString(id)
	for _, a := range args {
		b.WriteByte(0)
		switch v := a.(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		default:
			return "", false
		}
	}
	return b.String(), true
}

// localize runs the message's template with the name/value pairs of args.
func (t *Translator) localize(id string, args []any) string {
	data := map[string]any{}
	var count any
	for i := 0; i+1 < len(args); i += 2 {
		k := fmt.Sprint(args[i])
		data[k] = args[i+1]
		if k == "Count" {
			count = args[i+1]
		}
	}
	s, err := t.loc.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil && count != nil {
		// A message without plural forms that is given a count anyway.
		s, err = t.loc.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
	}
	if err != nil {
		return id
	}
	return s
}

// Dir is "rtl" for Arabic, else "ltr".
func (t *Translator) Dir() string { return t.Lang.Dir }

// Date formats a day in the reader's language: "27 November 2026",
// "27 novembre 2026", "27 de noviembre de 2026", "27 نوفمبر 2026".
func (t *Translator) Date(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	month := t.T(fmt.Sprintf("Month%d", int(d.Month())))
	return t.T("DateFormat", "Day", d.Day(), "Month", month, "Year", d.Year())
}

// DateTime adds the time of day (UTC) to Date.
func (t *Translator) DateTime(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return t.Date(d) + " " + d.UTC().Format("15:04") + " UTC"
}

// Decimal formats a number with the given decimals in the locale's style.
func (t *Translator) Decimal(f float64, decimals int) string {
	return strings.TrimSpace(t.printer.Sprint(number.Decimal(f, number.Scale(decimals))))
}

// Percent formats a share (0–1) as a whole percentage in the locale's style.
func (t *Translator) Percent(f float64) string {
	return strings.TrimSpace(t.printer.Sprint(number.Percent(f, number.Scale(0))))
}

// Int formats a whole number in the locale's style.
func (t *Translator) Int(n int) string { return t.printer.Sprint(n) }

var (
	defaultBundle *Bundle
	defaultErr    error
	defaultOnce   sync.Once
)

// Default returns the embedded messages, loaded once, for packages that
// write text outside a request (the report, exports, mails).
func Default() *Bundle {
	if _, err := Shared(); err != nil {
		panic("i18n: embedded message files are broken: " + err.Error())
	}
	return defaultBundle
}

// Shared is Default with the loading error returned rather than raised,
// for the server: one bundle for the whole process (each copy holds
// megabytes of parsed messages).
func Shared() (*Bundle, error) {
	defaultOnce.Do(func() { defaultBundle, defaultErr = New() })
	return defaultBundle, defaultErr
}
