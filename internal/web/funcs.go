package web

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
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

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) string { return s.assets.url(name) },
		"tr":    func(t framework.Text) string { return t.In("en") },
		"phaseName": func(fw *framework.Framework, n int) string {
			return fw.PhaseInfo(n).Name.In("en")
		},
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
		"date":         func(t interface{ Format(string) string }) string { return t.Format("2 January 2006") },
		"datetime":     func(t interface{ Format(string) string }) string { return t.Format("2 Jan 2006 15:04 MST") },
		"fieldID":      func(parts ...string) string { return strings.Join(parts, "-") },
	}
}
