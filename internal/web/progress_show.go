package web

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// progressPage is the organisation's cycles side by side.
type progressPage struct {
	Organisation assessment.Organisation
	Progress     *report.Progress
	Sparklines   map[string]template.HTML // by capability key
	Framework    *framework.Framework
	// NoMappingList names the capabilities without comparable data, in
	// the page's language.
	NoMappingList string
	// Actions counts, per capability, the previous cycle's actions done
	// since (nil with a single cycle).
	Actions map[string]report.ActionCount
}

// progressShow is /organisations/:id/progress.
func (s *Server) progressShow(c echo.Context) error {
	id, err := paramID(c, "id", "organisation")
	if err != nil {
		return err
	}
	tr := s.translator(c)
	org, p, err := s.app.Progress(c.Request().Context(), principal(c), s.fw, id, tr.Lang.Code)
	if err != nil {
		return err
	}
	page := progressPage{Organisation: org, Progress: p, Sparklines: map[string]template.HTML{}, Framework: s.fw, Actions: p.Actions}
	for _, cp := range p.Capabilities {
		page.Sparklines[cp.Key] = report.SparklineSVG(pointPhases(cp.Points), sparkLabel(tr, s.fw, p, cp))
	}
	names := make([]string, len(p.NoMapping))
	for i, cp := range p.NoMapping {
		names[i] = fmt.Sprintf("%d. %s", cp.Number, cp.Name)
	}
	page.NoMappingList = strings.Join(names, tr.T("WorkListSep"))
	return s.render(c, "progress", pageData{Title: tr.T("ProgressPageTitle", "Name", org.Name), Data: page})
}

func pointPhases(points []report.Point) []*float64 {
	out := make([]*float64, len(points))
	for i, p := range points {
		if p.Phase != nil {
			v := float64(*p.Phase)
			out[i] = &v
		}
	}
	return out
}

// sparkLabel is the sparkline's text alternative: every cycle's value in
// words, in the page's language.
func sparkLabel(tr *i18n.Translator, fw *framework.Framework, p *report.Progress, cp report.CapabilityProgress) string {
	parts := make([]string, len(cp.Points))
	for i, pt := range cp.Points {
		parts[i] = tr.T("ProgressSparkPoint", "Period", p.Cycles[i].Period, "Value", pointText(tr, fw, pt))
	}
	return tr.T("ProgressSparkLabel", "Name", cp.Name, "List", strings.Join(parts, tr.T("WorkListSep")))
}

func pointText(tr *i18n.Translator, fw *framework.Framework, pt report.Point) string {
	switch {
	case pt.NoMapping:
		return tr.T("ProgressPointNoMapping")
	case pt.OutOfScope:
		return tr.T("ProgressPointOutOfScope")
	case pt.Phase == nil:
		return tr.T("ProgressPointNotAssessed")
	}
	return tr.T("ProgressSparkPhase", "N", *pt.Phase, "Name", fw.PhaseInfo(*pt.Phase).Name.In(tr.Lang.Code))
}
