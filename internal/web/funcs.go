package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Labels of fixed values are messages: answerLabel, statusLabel, kindLabel
// and priorityLabel give them in a translator's language (ids Answer_*,
// Status_* in report.*.json; Kind_*, Priority_* in core.*.json).

func answerLabel(tr *i18n.Translator, v assessment.AnswerValue) string {
	if v == assessment.Unanswered {
		return tr.T("AnswerUnanswered")
	}
	return tr.T("Answer_" + string(v))
}

func statusLabel(tr *i18n.Translator, st assessment.Status) string {
	return tr.T("Status_" + string(st))
}

func kindLabel(tr *i18n.Translator, k assessment.OrgKind) string { return tr.T("Kind_" + string(k)) }

// priorityLabel takes a Priority or the plain string the report carries;
// an unset priority is empty.
func priorityLabel(tr *i18n.Translator, p any) string {
	s := fmt.Sprint(p)
	if s == "" {
		return ""
	}
	return tr.T("Priority_" + s)
}

// statusLabels are the English status names, the fallback text of
// translatable terms (assessment.Term) in error messages.
var statusLabels = func() map[assessment.Status]string {
	en := i18n.Default().For("en")
	m := map[assessment.Status]string{}
	for _, st := range []assessment.Status{assessment.StatusDraft, assessment.StatusInReview, assessment.StatusApproved} {
		m[st] = statusLabel(en, st)
	}
	return m
}()

// funcs are the template functions of one language.
func (s *Server) funcs(tr *i18n.Translator) template.FuncMap {
	lang := tr.Lang.Code
	return template.FuncMap{
		"asset": func(name string) string { return s.assets.url(name) },
		"t":     tr.T,
		"tr":    func(t framework.Text) string { return t.In(lang) },
		"phaseName": func(fw *framework.Framework, n int) string {
			return fw.PhaseInfo(n).Name.In(lang)
		},
		"decimal": tr.Decimal,
		"percent": tr.Percent,
		"phaseRef": func(p *int) string {
			if p == nil {
				return ""
			}
			return fmt.Sprint(*p)
		},
		"answerLabel":   func(v assessment.AnswerValue) string { return answerLabel(tr, v) },
		"answerValues":  func() []assessment.AnswerValue { return assessment.AnswerValues },
		"kindLabel":     func(k assessment.OrgKind) string { return kindLabel(tr, k) },
		"orgKinds":      func() []assessment.OrgKind { return assessment.OrgKinds },
		"statusLabel":   func(st assessment.Status) string { return statusLabel(tr, st) },
		"priorityLabel": func(p any) string { return priorityLabel(tr, p) },
		"priorities":    func() []assessment.Priority { return assessment.Priorities },
		"phases":        func() []int { return []int{0, 1, 2, 3, 4} },
		"joinLines":     func(l []string) string { return strings.Join(l, "\n") },
		"eqInt":         func(p *int, n int) bool { return p != nil && *p == n },
		"pct":           func(c assessment.Completion) int { return c.Percent() },
		// pctText is a whole percentage (0–100) in the locale's style.
		"pctText":  func(n int) string { return tr.Percent(float64(n) / 100) },
		"add":      func(a, b int) int { return a + b },
		"date":     dateOf(tr.Date),
		"datetime": dateOf(tr.DateTime),
		"fieldID":  func(parts ...string) string { return strings.Join(parts, "-") },
		// Indicators are named by number and short text, never by key.
		"indicatorNumber": assessment.IndicatorNumber,
		"shortText":       assessment.ShortText,
		"inlineCSS":       func() template.CSS { return s.assets.inlineCSS("app.css", "report.css") },
		"phaseOr": func(p *int, none string) string {
			if p == nil {
				return none
			}
			return fmt.Sprint(*p)
		},
		// dec1 is a mean phase with one decimal, share a proportion (0–1)
		// as a percentage, both in the locale's style; "–" when there is none.
		"dec1": func(f *float64) string {
			if f == nil {
				return "–"
			}
			return tr.Decimal(*f, 1)
		},
		"plan": func() planHelpers { return planHelpers{tr: tr} }, // the action plan's helpers (funcs_plan.go)
		"share": func(f *float64) string {
			if f == nil {
				return "–"
			}
			return tr.Percent(*f)
		},
	}
}

// dateOf accepts a time or a pointer to one (nil shows nothing), so
// templates need no nil checks around optional dates.
func dateOf(f func(time.Time) string) func(any) string {
	return func(v any) string {
		switch t := v.(type) {
		case time.Time:
			return f(t)
		case *time.Time:
			if t != nil {
				return f(*t)
			}
		}
		return ""
	}
}
