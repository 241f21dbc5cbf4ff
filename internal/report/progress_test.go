package report

import (
	"os"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

func TestAggregateNeedsFiveOrganisations(t *testing.T) {
	phases := map[int64]*int{1: ptr(3), 2: ptr(4), 3: ptr(1), 4: ptr(3)}
	if f, shown := Aggregate(phases, EstablishedPhase); shown || f != (Figure{}) {
		t.Fatalf("4 organisations: shown=%v figure=%+v, want nothing", shown, f)
	}
	phases[5] = nil // not assessed: does not contribute
	if _, shown := Aggregate(phases, EstablishedPhase); shown {
		t.Fatal("an organisation without a phase counted as a contributor")
	}
	phases[6] = ptr(2)
	f, shown := Aggregate(phases, EstablishedPhase)
	if !shown || f != (Figure{Count: 3, Of: 5}) {
		t.Fatalf("5 organisations: shown=%v figure=%+v, want 3 of 5", shown, f)
	}
}

func TestProgressSameVersion(t *testing.T) {
	fw := mustFramework(t)
	p := BuildProgress(fw, []*assessment.Detail{previousDetail(t), fixtureDetail(t)}, "en")
	if len(p.Cycles) != 2 || p.Cycles[0].Period != "2024" || !p.Cycles[1].Comparable {
		t.Fatalf("cycles = %+v", p.Cycles)
	}
	got := map[string]Direction{}
	for _, c := range p.Capabilities {
		got[c.Key] = c.Direction
	}
	want := map[string]Direction{"leadership": DirUp, "research-analysis": DirDown, "legislation": DirSame,
		"law-enforcement": DirNotAssessed, "hotline": DirNotAssessed}
	for k, d := range want {
		if got[k] != d {
			t.Errorf("%s: direction %q, want %q", k, got[k], d)
		}
	}
	if keys(p.MovedUp) != "leadership" || keys(p.Slipped) != "research-analysis" {
		t.Errorf("moved up %q, slipped %q", keys(p.MovedUp), keys(p.Slipped))
	}
	if len(p.NoMapping) != 0 {
		t.Errorf("same version has unmapped capabilities: %q", keys(p.NoMapping))
	}
	if d := p.Domains[0]; d.Key != "policy-governance" || d.Means[0] == nil || *d.Means[0] != 2.3 {
		t.Errorf("domain 1 means = %v", d.Means)
	}
}

func TestProgressAcrossFrameworkVersions(t *testing.T) {
	b, err := os.ReadFile("../framework/testdata/mnr-2027.1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	next, err := framework.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	old := previousDetail(t) // 2026.1: leadership 1, research-analysis 3, legislation 3
	a := assessment.Assessment{ID: 9, OrganisationID: 1, Title: "Next", Period: "2027", FrameworkVersion: next.Version,
		Status: assessment.StatusDraft, Scope: []string{"leadership", "law-reform", "safety-by-design"}}
	states := []assessment.CapabilityState{{CapabilityKey: "leadership", Confirmed: ptr(3)},
		{CapabilityKey: "law-reform", Confirmed: ptr(2)}, {CapabilityKey: "safety-by-design", Confirmed: ptr(1)}}
	cur := assessment.NewDetail(next, fixtureOrg, a, states, nil)
	ancient := previousDetail(t)
	ancient.Assessment.FrameworkVersion = "2025.1" // no mapping declared
	p := BuildProgress(next, []*assessment.Detail{ancient, old, cur}, "en")
	if p.Cycles[0].Comparable || !p.Cycles[1].Comparable || !p.Cycles[2].Draft {
		t.Fatalf("cycles = %+v", p.Cycles)
	}
	by := map[string]CapabilityProgress{}
	for _, c := range p.Capabilities {
		by[c.Key] = c
	}
	if c := by["law-reform"]; c.Direction != DirDown || *c.From != 3 || *c.To != 2 {
		t.Errorf("law-reform (was legislation): %q %v→%v", c.Direction, c.From, c.To)
	}
	if c := by["leadership"]; c.Direction != DirUp || !c.Points[0].NoMapping {
		t.Errorf("leadership: %q, first point %+v", c.Direction, c.Points[0])
	}
	if c := by["safety-by-design"]; c.Direction != DirNoComparable || !c.Points[1].NoMapping || *c.Points[2].Phase != 1 {
		t.Errorf("new capability: %q %+v", c.Direction, c.Points)
	}
	if !strings.Contains(keys(p.NoMapping), "safety-by-design") {
		t.Errorf("no-mapping list = %q", keys(p.NoMapping))
	}
}

func TestPartnersAreAlphabeticalNotRanked(t *testing.T) {
	fw := mustFramework(t)
	orgs := []assessment.Organisation{{ID: 1, Name: "Zeta", Country: "ZA"}, {ID: 2, Name: "Alpha", Country: "JO"}, {ID: 3, Name: "Beta", Country: "FR"}}
	shared := map[int64][]*assessment.Detail{}
	for i, o := range orgs {
		d := nationalDetail(t, int64(10+i), 3-i) // the highest scores go to Zeta
		d.Organisation, d.Assessment.OrganisationID = o, o.ID
		shared[o.ID] = []*assessment.Detail{d}
	}
	p := BuildPartners(fw, orgs, shared, "en")
	var names []string
	for _, m := range p.Multiples {
		names = append(names, m.Organisation.Name)
	}
	if strings.Join(names, ",") != "Beta,Alpha,Zeta" {
		t.Errorf("order = %v, want by country (FR, JO, ZA)", names)
	}
	if p.Contributing != 3 {
		t.Errorf("contributing = %d", p.Contributing)
	}
	for _, a := range p.Aggregates {
		if a.Shown {
			t.Errorf("%s shown with 3 organisations", a.Key)
		}
	}
}

func TestSparkline(t *testing.T) {
	two, three := 2.0, 3.0
	s := string(SparklineSVG([]*float64{&two, nil, &three}, "Leadership: 2024 phase 2, 2025 not assessed, 2026 phase 3"))
	for _, want := range []string{`role="img"`, `aria-label="Leadership: 2024 phase 2, 2025 not assessed, 2026 phase 3"`, `class="spark-missing"`} {
		if !strings.Contains(s, want) {
			t.Errorf("sparkline lacks %s:\n%s", want, s)
		}
	}
	if strings.Contains(s, "<polyline") {
		t.Error("the line joins across a missing cycle")
	}
}

func keys(cs []CapabilityProgress) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Key)
	}
	return strings.Join(out, ",")
}
