package view

import (
	"fmt"
	"net/url"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// PlanHelpers are the action plan's template functions, reached through
// the one template function "plan" ({{(plan).Status .Status}}).
type PlanHelpers struct{ tr *i18n.Translator }

// Status is a status's label (PlanStatus_<status>).
func (h PlanHelpers) Status(s assessment.ActionStatus) string {
	return h.tr.T("PlanStatus_" + string(s))
}

// Funding is a funding source's label (PlanFunding_<funding>).
func (h PlanHelpers) Funding(f assessment.Funding) string { return h.tr.T("PlanFunding_" + string(f)) }

// Statuses and Fundings list the choices.
func (h PlanHelpers) Statuses() []assessment.ActionStatus { return assessment.ActionStatuses }
func (h PlanHelpers) Fundings() []assessment.Funding      { return assessment.Fundings }

// Amount writes a budget in the locale's style with its currency code;
// cents is an int64 or a *int64 (nil: empty).
func (h PlanHelpers) Amount(cents any, currency string) string {
	var c int64
	switch v := cents.(type) {
	case int64:
		c = v
	case *int64:
		if v == nil {
			return ""
		}
		c = *v
	default:
		return ""
	}
	dec := 0
	if c%100 != 0 {
		dec = 2
	}
	return h.tr.Decimal(float64(c)/100, dec) + "\u00a0" + currency
}

// Day writes a day in the locale's style.
func (h PlanHelpers) Day(d *time.Time) string {
	if d == nil {
		return ""
	}
	return h.tr.Date(*d)
}

// IndicatorRef is "2.3" for an indicator key (E1.2 for an enabler's).
func (h PlanHelpers) IndicatorRef(fw *framework.Framework, key string) string {
	in := fw.Indicator(key)
	if in == nil {
		return key
	}
	for i, x := range in.Capability.Indicators {
		if x == in {
			return fmt.Sprintf("%s.%d", in.Capability.Label(), i+1)
		}
	}
	return in.Capability.Label()
}

// PlanGap is what the capability page offers for planning: the unmet
// indicators of the next phase and the source document's recommendations.
type PlanGap struct {
	NewURL          string // the form for the whole gap
	Phase           int    // the next phase
	Unmet           []*framework.Indicator
	Recommendations []framework.Recommendation
	Base            string // the form's address for one starting point
}

// Gap returns the capability's gap to its target for a planner, nil when
// there is none or the reader may not plan.
func (h PlanHelpers) Gap(p *policy.Principal, d *assessment.Detail, cd *assessment.CapabilityDetail) *PlanGap {
	if !policy.CanManagePlan(p, &d.Assessment) || d.Assessment.Status == assessment.StatusApproved ||
		cd.State.Target == nil || *cd.State.Target <= cd.ConfirmedPhase() {
		return nil
	}
	next := cd.ConfirmedPhase() + 1
	g := &PlanGap{Phase: next, Recommendations: d.Framework.RecommendationsFor(cd.Capability),
		Base: links.PlanNew(d.Assessment.ID, url.Values{"capability": {cd.Capability.Key}})}
	q := url.Values{"capability": {cd.Capability.Key}}
	for _, in := range cd.Capability.IndicatorsByPhase(next) {
		if cd.Answer(in.Key).Value != assessment.Yes {
			g.Unmet = append(g.Unmet, in)
			q.Add("indicator", in.Key)
		}
	}
	g.NewURL = links.PlanNew(d.Assessment.ID, q)
	return g
}

// RecURL is the form prefilled from a recommendation, with the unmet
// indicators.
func (g *PlanGap) RecURL(n int) string {
	q := url.Values{"rec": {fmt.Sprint(n)}}
	for _, in := range g.Unmet {
		q.Add("indicator", in.Key)
	}
	return g.Base + "&" + q.Encode()
}

// IndicatorURL is the form prefilled from one unmet indicator.
func (g *PlanGap) IndicatorURL(key string) string {
	return g.Base + "&" + url.Values{"indicator": {key}}.Encode()
}
