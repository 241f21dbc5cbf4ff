package report

import (
	"sort"
	"strconv"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Plan is an assessment's action plan as pages, the report and the exports
// show it: actions grouped by domain and capability (enablers last), with
// budget totals per currency and funding source and the overdue count.
type Plan struct {
	Domains    []PlanDomain
	Rows       []PlanRow // every action shown, in plan order
	All        int       // actions in the plan before filtering
	Overdue    int
	Done       int
	Totals     []CurrencyTotal
	Unbudgeted int // actions without a budget
}

// PlanDomain is one domain's capabilities with actions; Domain is nil for
// the enablers' group.
type PlanDomain struct {
	Domain       *framework.Domain
	Capabilities []PlanCapability
}

// PlanCapability is a capability or enabler with its actions.
type PlanCapability struct {
	Capability *framework.Capability
	Rows       []PlanRow
}

// PlanRow is one action with what its readers need beside it.
type PlanRow struct {
	Action     assessment.PlanAction
	Capability *framework.Capability
	Overdue    bool
	History    []assessment.ActionUpdate
}

// CurrencyTotal adds the budgets written in one currency, in all and per
// funding source (amounts in different currencies are never added).
type CurrencyTotal struct {
	Currency  string
	Cents     int64
	Count     int
	ByFunding []FundingTotal
}

// FundingTotal is the part of a currency's total from one funding source.
type FundingTotal struct {
	Funding assessment.Funding
	Cents   int64
	Count   int
}

// PlanFilter narrows the plan page; zero values show everything.
type PlanFilter struct {
	Status  assessment.ActionStatus
	Funding assessment.Funding
	Owner   string // an organisation id, or a responsible organisation's name
	Overdue bool
}

// Match reports whether a row passes the filter.
func (f PlanFilter) Match(r PlanRow) bool {
	a := r.Action
	switch {
	case f.Status != "" && a.Status != f.Status, f.Funding != "" && a.Funding != f.Funding, f.Overdue && !r.Overdue:
		return false
	case f.Owner != "":
		return ownerKey(a) == f.Owner
	}
	return true
}

// ownerKey identifies a responsible organisation for the owner filter.
func ownerKey(a assessment.PlanAction) string {
	if a.OwnerOrganisationID != nil {
		return strconv.FormatInt(*a.OwnerOrganisationID, 10)
	}
	return a.OwnerName
}

// BuildPlan groups the actions in framework order; history may be nil.
func BuildPlan(fw *framework.Framework, actions []assessment.PlanAction, history map[int64][]assessment.ActionUpdate,
	now time.Time, f PlanFilter) *Plan {
	p := &Plan{All: len(actions)}
	byCap := map[string][]PlanRow{}
	for _, a := range actions {
		r := PlanRow{Action: a, Capability: fw.Assessable(a.CapabilityKey), Overdue: a.Overdue(now), History: history[a.ID]}
		if r.Capability == nil || !f.Match(r) {
			continue
		}
		byCap[a.CapabilityKey] = append(byCap[a.CapabilityKey], r)
	}
	for _, d := range fw.Domains {
		p.addGroup(d, d.Capabilities, byCap)
	}
	p.addGroup(nil, fw.Enablers(), byCap)
	p.totals()
	return p
}

func (p *Plan) addGroup(d *framework.Domain, caps []*framework.Capability, byCap map[string][]PlanRow) {
	g := PlanDomain{Domain: d}
	for _, c := range caps {
		if rows := byCap[c.Key]; len(rows) > 0 {
			g.Capabilities = append(g.Capabilities, PlanCapability{Capability: c, Rows: rows})
			p.Rows = append(p.Rows, rows...)
		}
	}
	if len(g.Capabilities) > 0 {
		p.Domains = append(p.Domains, g)
	}
}

func (p *Plan) totals() {
	byCur := map[string]*CurrencyTotal{}
	for _, r := range p.Rows {
		a := r.Action
		if r.Overdue {
			p.Overdue++
		}
		if a.Status == assessment.ActionDone {
			p.Done++
		}
		if a.BudgetCents == nil {
			p.Unbudgeted++
			continue
		}
		t := byCur[a.Currency]
		if t == nil {
			t = &CurrencyTotal{Currency: a.Currency}
			byCur[a.Currency] = t
		}
		t.Cents += *a.BudgetCents
		t.Count++
		t.addFunding(a.Funding, *a.BudgetCents)
	}
	for _, t := range byCur {
		p.Totals = append(p.Totals, *t)
	}
	sort.Slice(p.Totals, func(i, j int) bool { return p.Totals[i].Currency < p.Totals[j].Currency })
}

func (t *CurrencyTotal) addFunding(f assessment.Funding, cents int64) {
	for i := range t.ByFunding {
		if t.ByFunding[i].Funding == f {
			t.ByFunding[i].Cents += cents
			t.ByFunding[i].Count++
			return
		}
	}
	t.ByFunding = append(t.ByFunding, FundingTotal{Funding: f, Cents: cents, Count: 1})
	sort.Slice(t.ByFunding, func(i, j int) bool {
		return fundingOrder(t.ByFunding[i].Funding) < fundingOrder(t.ByFunding[j].Funding)
	})
}

func fundingOrder(f assessment.Funding) int {
	for i, x := range assessment.Fundings {
		if x == f {
			return i
		}
	}
	return len(assessment.Fundings)
}
