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
// shared approved assessments (in any order), read whole.
func BuildPartners(cur *framework.Framework, orgs []assessment.Organisation, shared map[int64][]*assessment.Detail, lang string) *Partners {
	figures := map[int64][]CycleFigures{}
	for org, ds := range shared {
		for _, d := range ds {
			figures[org] = append(figures[org], FiguresOf(cur, d))
		}
	}
	return PartnersOf(cur, orgs, figures, lang)
}

// PartnersOf assembles the dashboard from the figures of each sharing
// organisation's shared approved assessments (in any order). The latest
// national one of each organisation feeds the aggregates, read in cur's
// terms.
func PartnersOf(cur *framework.Framework, orgs []assessment.Organisation, shared map[int64][]CycleFigures, lang string) *Partners {
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
		fs := append([]CycleFigures(nil), shared[o.ID]...)
		sort.SliceStable(fs, func(i, j int) bool {
			if fs[i].Assessment.Period != fs[j].Assessment.Period {
				return fs[i].Assessment.Period < fs[j].Assessment.Period
			}
			return fs[i].Assessment.ID < fs[j].Assessment.ID
		})
		m := Multiple{Organisation: o}
		for _, f := range fs {
			m.Cycles = append(m.Cycles, MultipleCycle{AssessmentID: f.Assessment.ID, Title: f.Assessment.Title,
				Period: f.Assessment.Period, National: f.National, Scores: f.Overall})
			if f.Phases != nil {
				latest[o.ID] = f.Phases
			}
		}
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
