package web

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// progressRefusal is also its message id (work.*.json), like every refusal
// given to loadOrganisation.
const progressRefusal = "Progress across cycles is shown to the organisation's members."

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
	org, p, err := s.loadProgress(c)
	if err != nil {
		return err
	}
	tr := s.translator(c)
	page := progressPage{Organisation: org, Progress: p, Sparklines: map[string]template.HTML{}, Framework: s.fw}
	if page.Actions, err = s.progressActions(c.Request().Context(), p); err != nil {
		return err
	}
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

// loadProgress reads the organisation's approved assessments in period
// order and its newest unapproved one (marked as draft), for members only.
func (s *Server) loadProgress(c echo.Context) (assessment.Organisation, *report.Progress, error) {
	org, err := s.loadOrganisation(c, policy.CanViewProgress, progressRefusal)
	if err != nil {
		return org, nil, err
	}
	ctx := c.Request().Context()
	list, err := s.db.Assessments(ctx, []int64{org.ID}) // newest period first
	if err != nil {
		return org, nil, err
	}
	var chosen []assessment.Assessment
	draft := false
	for _, a := range list {
		if a.Status == assessment.StatusApproved || !draft {
			chosen = append(chosen, a)
			draft = draft || a.Status != assessment.StatusApproved
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		if chosen[i].Period != chosen[j].Period {
			return chosen[i].Period < chosen[j].Period
		}
		return chosen[i].ID < chosen[j].ID
	})
	ids := make([]int64, len(chosen))
	for i, a := range chosen {
		ids[i] = a.ID
	}
	details, err := s.app.Details(ctx, ids) // every cycle at once
	if err != nil {
		return org, nil, err
	}
	// Names in the page's language; the API carries keys only.
	return org, report.BuildProgress(s.fw, details, s.translator(c).Lang.Code), nil
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
