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

// answerLabels are the words shown for each answer value.
var answerLabels = map[assessment.AnswerValue]string{
	assessment.Yes: "Yes", assessment.Partly: "Partly", assessment.No: "No",
	assessment.Unknown: "Don't know", assessment.NA: "Not applicable", assessment.Unanswered: "Not answered",
}

var kindLabels = map[assessment.OrgKind]string{
	assessment.KindCoordinating: "National coordinating body", assessment.KindMinistry: "Ministry",
	assessment.KindLawEnforcement: "Law enforcement unit", assessment.KindProsecution: "Prosecution service",
	assessment.KindSocialServices: "Social services", assessment.KindEducation: "Education authority",
	assessment.KindHotline: "Hotline", assessment.KindHelpline: "Child helpline", assessment.KindRegulator: "Regulator",
	assessment.KindIndustry: "Industry body", assessment.KindNGO: "Non-governmental organisation",
	assessment.KindInternational: "International partner",
}

var statusLabels = map[assessment.Status]string{
	assessment.StatusDraft: "Draft", assessment.StatusInReview: "In review", assessment.StatusApproved: "Approved",
}

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
		"answerLabel":  func(v assessment.AnswerValue) string { return answerLabels[v] },
		"answerValues": func() []assessment.AnswerValue { return assessment.AnswerValues },
		"kindLabel":    func(k assessment.OrgKind) string { return kindLabels[k] },
		"orgKinds":     func() []assessment.OrgKind { return assessment.OrgKinds },
		"statusLabel":  func(st assessment.Status) string { return statusLabels[st] },
		"priorities":   func() []assessment.Priority { return assessment.Priorities },
		"phases":       func() []int { return []int{0, 1, 2, 3, 4} },
		"joinLines":    func(l []string) string { return strings.Join(l, "\n") },
		"eqInt":        func(p *int, n int) bool { return p != nil && *p == n },
		"pct":          func(c assessment.Completion) int { return c.Percent() },
		"add":          func(a, b int) int { return a + b },
		"date":         dateOf(tr.Date),
		"datetime":     dateOf(tr.DateTime),
		"fieldID":      func(parts ...string) string { return strings.Join(parts, "-") },
		"inlineCSS":    func() template.CSS { return s.assets.inlineCSS("app.css", "report.css") },
		"phaseOr": func(p *int, none string) string {
			if p == nil {
				return none
			}
			return fmt.Sprint(*p)
		},
		"dec1": func(f *float64) string {
			if f == nil {
				return "–"
			}
			return fmt.Sprintf("%.1f", *f)
		},
		"share": func(f *float64) string {
			if f == nil {
				return "–"
			}
			return fmt.Sprintf("%.0f%%", *f*100)
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
