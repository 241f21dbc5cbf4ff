package report

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Method is the methodology section: what the framework is and where it
// comes from, its scale, and the rules by which answers become phases and
// figures.
type Method struct {
	FrameworkTitle   string
	FrameworkVersion string
	Origin           string // the framework's statement of what it is and is not
	Rule             string // the scoring rule in words
	Scale            []ScaleLine
	Rounding         string // the rounding rule of every figure
}

// ScaleLine is one phase of the scale.
type ScaleLine struct {
	Number      int
	Name        string
	Description string
}

func (r *Report) method(fw *framework.Framework, version string) Method {
	m := Method{FrameworkTitle: fw.Title.In(r.Lang), FrameworkVersion: version, Origin: fw.About.In(r.Lang),
		Rule: fw.Rule.In(r.Lang), Rounding: r.t("DocRoundingRule")}
	for _, p := range fw.Scale {
		m.Scale = append(m.Scale, ScaleLine{Number: p.Number, Name: p.Name.In(r.Lang), Description: p.Description.In(r.Lang)})
	}
	return m
}

// MarkingLabel is a marking's name in the report's language.
func (r *Report) MarkingLabel(m assessment.Marking) string { return r.t("Marking_" + string(m)) }

// NextStepText is the capability's next step in one sentence: the phase
// to reach and the indicators still short of it, by number and short text.
// Empty at the top of the scale or when nothing blocks the next phase.
func (r *Report) NextStepText(c *CapabilitySection) string {
	if c.NextPhase == nil || len(c.NextSteps) == 0 {
		return ""
	}
	var items []string
	for _, l := range c.NextSteps {
		items = append(items, r.t("DocStepItem", "Number", l.Number, "Text", assessment.ShortText(l.Text)))
	}
	return r.t("DocToReach", "N", *c.NextPhase, "Phase", c.NextPhaseName, "List", joinWith(items, r.t("ReportListSemi")))
}

func joinWith(items []string, sep string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += sep
		}
		out += s
	}
	return out
}
