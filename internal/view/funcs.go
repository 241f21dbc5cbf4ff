package view

import (
	"fmt"
	"html/template"
	"maps"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// funcs are every template function of one language: the core ones here,
// and those of the account, contribution, report, evidence and enabler
// pages beside them.
func (v *View) funcs(lang string) template.FuncMap {
	tr := v.i18n.For(lang)
	f := v.coreFuncs(tr)
	maps.Copy(f, accountFuncs(tr))
	maps.Copy(f, contributionFuncs(tr))
	maps.Copy(f, reportDocFuncs(tr))
	maps.Copy(f, evidenceFuncs())
	maps.Copy(f, enablerFuncs())
	maps.Copy(f, linkFuncs())
	f["person"] = func(name string) string { return PersonName(tr, name) }
	return f
}

// coreFuncs are the functions every page uses: translations, numbers,
// dates, labels of fixed values and framework texts.
func (v *View) coreFuncs(tr *i18n.Translator) template.FuncMap {
	lang := tr.Lang.Code
	return template.FuncMap{
		"asset": v.assets.URL,
		"t":     tr.T,
		"tr":    func(t framework.Text) string { return t.In(lang) },
		"phaseName": func(fw *framework.Framework, n int) string {
			return fw.PhaseInfo(n).Name.In(lang)
		},
		"decimal":       tr.Decimal,
		"percent":       tr.Percent,
		"phaseRef":      func(p *int) string { return phaseOr(p, "") },
		"answerLabel":   func(v assessment.AnswerValue) string { return AnswerLabel(tr, v) },
		"answerValues":  func() []assessment.AnswerValue { return assessment.AnswerValues },
		"kindLabel":     func(k assessment.OrgKind) string { return KindLabel(tr, k) },
		"orgKinds":      func() []assessment.OrgKind { return assessment.OrgKinds },
		"statusLabel":   func(st assessment.Status) string { return StatusLabel(tr, st) },
		"priorityLabel": func(p any) string { return PriorityLabel(tr, p) },
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
		"inlineCSS":       func() template.CSS { return v.assets.InlineCSS("app.css", "report.css") },
		"phaseOr":         phaseOr,
		// dec1 is a mean phase with one decimal, share a proportion (0–1)
		// as a percentage, both in the locale's style; "–" when there is none.
		"dec1": func(f *float64) string {
			if f == nil {
				return "–"
			}
			return tr.Decimal(*f, 1)
		},
		"plan": func() PlanHelpers { return PlanHelpers{tr: tr} }, // the action plan's helpers (funcs_plan.go)
		"share": func(f *float64) string {
			if f == nil {
				return "–"
			}
			return tr.Percent(*f)
		},
	}
}

// phaseOr is a phase's number, or none when there is no phase.
func phaseOr(p *int, none string) string {
	if p == nil {
		return none
	}
	return fmt.Sprint(*p)
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
