package report

import (
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

func fixtureReport(t testing.TB, withPrevious bool) *Report {
	var prev *assessment.Detail
	if withPrevious {
		prev = previousDetail(t)
	}
	return BuildAt(fixtureDetail(t), prev, "en", fixtureAt)
}

func summaryWith(r *Report, sub string) string {
	for _, s := range r.Summary {
		if strings.Contains(s, sub) {
			return s
		}
	}
	return ""
}

func TestBuildCover(t *testing.T) {
	r := fixtureReport(t, false)
	c := r.Cover
	if c.Organisation != fixtureOrg.Name || c.Country != "JO" || c.Period != "2026" || c.Status != "in_review" ||
		c.StatusLabel != "In review" || c.FrameworkVersion == "" || c.National || !c.Generated.Equal(fixtureAt) {
		t.Errorf("cover = %+v", c)
	}
	if len(r.Capabilities) != 6 || len(r.Domains) != 3 {
		t.Fatalf("%d capabilities, %d domains", len(r.Capabilities), len(r.Domains))
	}
	if got := len(r.Annex); got != indicatorsInScope(r) {
		t.Errorf("annex has %d entries, want %d", got, indicatorsInScope(r))
	}
}

func indicatorsInScope(r *Report) int {
	n := 0
	for _, c := range r.Capabilities {
		n += len(c.Indicators)
	}
	return n
}

func TestCapabilitySections(t *testing.T) {
	r := fixtureReport(t, false)

	lead := r.Capability("leadership")
	if lead.PhaseName != "Developing" || lead.NextPhase == nil || *lead.NextPhase != 3 {
		t.Fatalf("leadership: phase %q next %v", lead.PhaseName, lead.NextPhase)
	}
	if len(lead.Met) != 3 || len(lead.NotMet) != 4 {
		t.Errorf("leadership met %d not met %d, want 3 and 4", len(lead.Met), len(lead.NotMet))
	}
	if len(lead.NextSteps) != 2 {
		t.Errorf("leadership next steps = %d, want the 2 phase-3 indicators", len(lead.NextSteps))
	}
	for _, l := range lead.NextSteps {
		if l.Phase != 3 || l.Value != assessment.Partly || l.ValueLabel != "Partly" {
			t.Errorf("next step %s: phase %d value %q", l.Key, l.Phase, l.Value)
		}
	}
	if len(lead.Recommendations) != 2 || lead.Recommendations[0].Number != 6 || lead.Recommendations[0].Text == "" {
		t.Errorf("leadership recommendations = %+v", lead.Recommendations)
	}

	res := r.Capability("research-analysis")
	if res.Justification == "" || res.SuggestedName != "Building" || res.PhaseName != "Developing" {
		t.Errorf("research: justification %q suggested %q confirmed %q", res.Justification, res.SuggestedName, res.PhaseName)
	}

	// Not applicable indicators do not block a phase, so they are never a
	// next step; they still show as not met, with their value.
	leg := r.Capability("legislation")
	for _, l := range leg.NextSteps {
		if l.Value == assessment.NA {
			t.Errorf("legislation next step %s is Not applicable", l.Key)
		}
	}
	na := 0
	for _, l := range leg.NotMet {
		if l.Value == assessment.NA {
			na++
			if l.ValueLabel != "Not applicable" {
				t.Errorf("NA label = %q", l.ValueLabel)
			}
		}
	}
	if na != 3 {
		t.Errorf("legislation not-met NA = %d, want 3", na)
	}

	// Not assessed: no phase name, next steps from the suggestion.
	le := r.Capability("law-enforcement")
	if le.PhaseName != "" || le.NextPhase == nil || *le.NextPhase != 2 || len(le.NextSteps) != 2 {
		t.Errorf("law enforcement: phase %q next %v steps %d", le.PhaseName, le.NextPhase, len(le.NextSteps))
	}
}

func TestSummaryWithoutPrevious(t *testing.T) {
	r := fixtureReport(t, false)
	for _, want := range []string{
		"31 of 43 indicators answered (72%)",
		"not yet assessed (no phase shown or counted): 4 Dedicated law enforcement, 5 ",
		"Assessed capabilities by phase (4 in all): 1 at phase 0 (Not in place), 0 at phase 1 (Building), 2 at phase 2 (Developing), 1 at phase 3 (Established), 0 at phase 4 (Mature);",
		"1 of 4 (25%) are at Established",
		"Largest gaps to target: 2 Research, analysis and monitoring (phase 2, target 4, gap 2); 1 Leadership (phase 2, target 3, gap 1); 12 ",
		"There is no previous assessment",
	} {
		if summaryWith(r, want) == "" {
			t.Errorf("summary lacks %q:\n%s", want, strings.Join(r.Summary, "\n"))
		}
	}
	for _, s := range r.Summary {
		if strings.Contains(strings.ToLower(s), "rank") {
			t.Errorf("summary must not rank: %q", s)
		}
	}
}

func TestSummaryPreviousCycle(t *testing.T) {
	r := fixtureReport(t, true)
	up := summaryWith(r, "Moved up since 2024")
	if !strings.Contains(up, "1 Leadership (from phase 1 to 2)") {
		t.Errorf("moved-up sentence = %q", up)
	}
	down := summaryWith(r, "Slipped since 2024")
	if !strings.Contains(down, "2 Research, analysis and monitoring (from phase 3 to 2)") {
		t.Errorf("slipped sentence = %q", down)
	}
	if s := summaryWith(r, "1 capability kept the same phase as in 2024"); s == "" {
		t.Errorf("no unchanged sentence:\n%s", strings.Join(r.Summary, "\n"))
	}
	if s := summaryWith(r, "Assessed now but not in 2024"); !strings.Contains(s, "12 ") {
		t.Errorf("newly assessed sentence = %q", s)
	}
	if p := r.Capability("leadership").Previous; p == nil || *p != 1 {
		t.Errorf("leadership previous = %v", p)
	}
	if p := r.Capability("hotline").Previous; p != nil {
		t.Errorf("hotline previous = %v, want nil (outside the previous scope)", *p)
	}
}

func TestSummaryTiesListedTogether(t *testing.T) {
	m := func(v float64) *float64 { return &v }
	r := &Report{Domains: []DomainSection{
		{Number: 1, Name: "A", Score: DomainScore{Mean: m(2.5)}},
		{Number: 2, Name: "B", Score: DomainScore{Mean: m(1)}},
		{Number: 3, Name: "C", Score: DomainScore{Mean: m(2.5)}},
		{Number: 4, Name: "D", Score: DomainScore{Mean: nil}},
		{Number: 5, Name: "E", Score: DomainScore{Mean: m(1)}},
	}}
	got := domainSentences(r)
	want := []string{
		"Strongest domains by average phase, tied at 2.5: 1 A and 3 C.",
		"Weakest domains by average phase, tied at 1.0: 2 B and 5 E.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	r.Domains = r.Domains[:1]
	if got := domainSentences(r); len(got) != 1 || !strings.HasPrefix(got[0], "Only one domain") {
		t.Errorf("single domain: %q", got)
	}
	r.Domains = []DomainSection{{Number: 1, Name: "A", Score: DomainScore{Mean: m(2)}}, {Number: 2, Name: "B", Score: DomainScore{Mean: m(2)}}}
	if got := domainSentences(r); len(got) != 1 || !strings.HasPrefix(got[0], "All 2 domains") {
		t.Errorf("all tied: %q", got)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := fixtureReport(t, true), fixtureReport(t, true)
	if strings.Join(a.Summary, "\n") != strings.Join(b.Summary, "\n") || RadarSVG(a, "en") != RadarSVG(b, "en") {
		t.Error("two builds of the same input differ")
	}
}

func BenchmarkBuild(b *testing.B) {
	cur, prev := nationalDetail(b, 2, 0), nationalDetail(b, 1, 3)
	b.ReportAllocs()
	for b.Loop() {
		if r := BuildAt(cur, prev, "en", fixtureAt); len(r.Capabilities) != 21 {
			b.Fatal("want 21 capabilities")
		}
	}
}
