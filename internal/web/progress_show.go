package web

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// progressPage is the organisation's cycles side by side.
type progressPage struct {
	Organisation assessment.Organisation
	Progress     *report.Progress
	Sparklines   map[string]template.HTML // by capability key
	Framework    *framework.Framework
}

// progressShow is /organisations/:id/progress.
func (s *Server) progressShow(c echo.Context) error {
	org, p, err := s.loadProgress(c)
	if err != nil {
		return err
	}
	page := progressPage{Organisation: org, Progress: p, Sparklines: map[string]template.HTML{}, Framework: s.fw}
	for _, cp := range p.Capabilities {
		page.Sparklines[cp.Key] = report.SparklineSVG(pointPhases(cp.Points), sparkLabel(s.fw, p, cp))
	}
	return s.render(c, "progress", pageData{Title: "Progress – " + org.Name, Data: page})
}

// loadProgress reads the organisation's approved assessments in period
// order and its newest unapproved one (marked as draft), for members only.
func (s *Server) loadProgress(c echo.Context) (assessment.Organisation, *report.Progress, error) {
	org, err := s.loadOrganisation(c, policy.CanViewProgress, "Progress across cycles is shown to the organisation's members.")
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
	details := make([]*assessment.Detail, 0, len(chosen))
	for _, a := range chosen {
		d, err := s.detailByID(ctx, a.ID)
		if err != nil {
			return org, nil, err
		}
		details = append(details, d)
	}
	return org, report.BuildProgress(s.fw, details, "en"), nil
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

// sparkLabel is the sparkline's text alternative: every cycle's value in words.
func sparkLabel(fw *framework.Framework, p *report.Progress, cp report.CapabilityProgress) string {
	parts := make([]string, len(cp.Points))
	for i, pt := range cp.Points {
		parts[i] = p.Cycles[i].Period + " " + pointText(fw, pt)
	}
	return fmt.Sprintf("%s: %s", cp.Name, strings.Join(parts, ", "))
}

func pointText(fw *framework.Framework, pt report.Point) string {
	switch {
	case pt.NoMapping:
		return "no comparable data"
	case pt.OutOfScope:
		return "not in scope"
	case pt.Phase == nil:
		return "not assessed"
	}
	return fmt.Sprintf("phase %d (%s)", *pt.Phase, fw.PhaseInfo(*pt.Phase).Name.In("en"))
}
