package report

import (
	"sort"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Partners is what a partner organisation sees of those sharing with it:
// one small multiple per organisation, in alphabetical order by country and
// name (never by any score: this is not a ranking), and cross-country
// figures that respect MinContributors.
type Partners struct {
	Multiples  []Multiple
	Aggregates []AggregateRow
	// Contributing is how many organisations have a shared, approved,
	// national assessment the aggregates could draw on.
	Contributing int
}

// Multiple is one organisation's approved cycles, oldest first.
type Multiple struct {
	Organisation assessment.Organisation
	Cycles       []MultipleCycle
	Domains      []DomainProgress // mean phase per domain per cycle
}

// MultipleCycle is one approved assessment's headline figures.
type MultipleCycle struct {
	AssessmentID int64
	Title        string
	Period       string
	National     bool
	Scores       OverallScore
}

// Means lists the overall mean phase of each cycle, for the sparkline.
func (m Multiple) Means() []*float64 {
	out := make([]*float64, len(m.Cycles))
	for i, c := range m.Cycles {
		out[i] = c.Scores.Mean
	}
	return out
}

// AggregateRow is one capability's cross-country figure: how many shared
// national assessments are at Established or above.
type AggregateRow struct {
	Key    string
	Number int
	Name   string
	Figure Figure
	Shown  bool
}

// BuildPartners assembles the dashboard from each sharing organisation's
// shared approved assessments (in any order). The latest national one of
// each organisation feeds the aggregates, read in cur's terms.
func BuildPartners(cur *framework.Framework, orgs []assessment.Organisation, shared map[int64][]*assessment.Detail, lang string) *Partners {
	orgs = append([]assessment.Organisation(nil), orgs...)
	sort.SliceStable(orgs, func(i, j int) bool {
		if orgs[i].Country != orgs[j].Country {
			return orgs[i].Country < orgs[j].Country
		}
		return orgs[i].Name < orgs[j].Name
	})
	p := &Partners{}
	latest := map[int64]map[string]*int{} // organisation → current capability key → phase
	for _, o := range orgs {
		ds := append([]*assessment.Detail(nil), shared[o.ID]...)
		sort.SliceStable(ds, func(i, j int) bool {
			if ds[i].Assessment.Period != ds[j].Assessment.Period {
				return ds[i].Assessment.Period < ds[j].Assessment.Period
			}
			return ds[i].Assessment.ID < ds[j].Assessment.ID
		})
		m := Multiple{Organisation: o}
		for _, d := range ds {
			national := d.Assessment.National(d.Framework)
			m.Cycles = append(m.Cycles, MultipleCycle{AssessmentID: d.Assessment.ID, Title: d.Assessment.Title,
				Period: d.Assessment.Period, National: national, Scores: Score(d).Overall})
			if national && cur.Comparable(d.Assessment.FrameworkVersion) {
				phases := map[string]*int{}
				for k, pt := range cyclePoints(cur, d) {
					phases[k] = pt.Phase
				}
				latest[o.ID] = phases
			}
		}
		m.Domains = BuildProgress(cur, ds, lang).Domains
		p.Multiples = append(p.Multiples, m)
	}
	p.Contributing = len(latest)
	for _, c := range cur.Capabilities() {
		byOrg := map[int64]*int{}
		for org, phases := range latest {
			byOrg[org] = phases[c.Key]
		}
		f, shown := Aggregate(byOrg, EstablishedPhase)
		p.Aggregates = append(p.Aggregates, AggregateRow{Key: c.Key, Number: c.Number, Name: c.Short.In(lang), Figure: f, Shown: shown})
	}
	return p
}
