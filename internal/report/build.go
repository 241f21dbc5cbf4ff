package report

import (
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Build assembles the report of cur, compared with prev when prev is not
// nil, with framework texts in lang. Generated is the current time; use
// BuildAt for a reproducible report.
func Build(cur, prev *assessment.Detail, lang string) *Report {
	return BuildAt(cur, prev, lang, time.Now().UTC())
}

// BuildAt is Build with the generation time given.
func BuildAt(cur, prev *assessment.Detail, lang string, now time.Time) *Report {
	fw := cur.Framework
	r := &Report{Lang: lang, Generated: now, Scores: Score(cur), tr: i18n.Default().For(lang), charts: &chartSet{}}
	for _, p := range fw.Scale {
		for len(r.phaseNames) <= p.Number {
			r.phaseNames = append(r.phaseNames, "")
		}
		r.phaseNames[p.Number] = p.Name.In(lang)
	}
	r.Cover = Cover{
		AssessmentID:     cur.Assessment.ID,
		Organisation:     cur.Organisation.Name,
		Country:          cur.Organisation.Country,
		Title:            cur.Assessment.Title,
		Period:           cur.Assessment.Period,
		FrameworkVersion: cur.Assessment.FrameworkVersion,
		FrameworkTitle:   fw.Title.In(lang),
		Status:           string(cur.Assessment.Status),
		StatusLabel:      r.statusLabel(cur.Assessment.Status),
		National:         cur.Assessment.National(fw),
		ApprovedAt:       cur.Assessment.ApprovedAt,
		ApprovedBy:       cur.Assessment.ApprovedByName,
		Generated:        now,
		Marking:          markingOr(cur.Assessment.Marking),
		Draft:            cur.Assessment.Status != assessment.StatusApproved,
	}
	r.Cover.MarkingLabel = r.MarkingLabel(r.Cover.Marking)
	if r.Cover.FrameworkVersion == "" {
		r.Cover.FrameworkVersion = fw.Version
	}
	r.Method = r.method(fw, r.Cover.FrameworkVersion)
	for i, dd := range cur.Domains {
		ds := DomainSection{
			Key:     dd.Domain.Key,
			Number:  dd.Domain.Number,
			Name:    dd.Domain.Name.In(lang),
			Outcome: dd.Domain.Outcome.In(lang),
			Score:   r.Scores.Domains[i],
		}
		ds.Answered = Share{ds.Score.Completion.Answered, ds.Score.Completion.Total}
		for _, cd := range dd.Capabilities {
			ds.Capabilities = append(ds.Capabilities, cd.Capability.Key)
		}
		r.Domains = append(r.Domains, ds)
	}
	r.Capabilities = make([]CapabilitySection, 0, len(cur.Capabilities))
	r.Annex = make([]AnnexEntry, 0, cur.Completion.Total)
	for i, cd := range cur.Capabilities {
		cs := r.capabilitySection(fw, cd, r.Scores.Capabilities[i])
		r.Capabilities = append(r.Capabilities, cs)
		for _, l := range cs.Indicators {
			r.Annex = append(r.Annex, AnnexEntry{
				DomainNumber:     cs.DomainNumber,
				DomainName:       cs.DomainName,
				CapabilityNumber: cs.Number,
				CapabilityKey:    cs.Key,
				CapabilityName:   cs.Name,
				IndicatorLine:    l,
			})
		}
	}
	r.buildEnablers(cur)
	if prev != nil {
		r.Previous = r.compare(prev)
	}
	r.Figures = r.computeFigures()
	r.Summary = summarise(r)
	r.Findings = findings(r)
	return r
}

func markingOr(m assessment.Marking) assessment.Marking {
	if m == "" {
		return assessment.DefaultMarking
	}
	return m
}

// PhaseName is the name of phase n in the report's language.
func (r *Report) PhaseName(n int) string {
	if n >= 0 && n < len(r.phaseNames) && r.phaseNames[n] != "" {
		return r.phaseNames[n]
	}
	return r.phaseFallback(n)
}

// Capability returns the section of the capability with key, or nil.
func (r *Report) Capability(key string) *CapabilitySection {
	for i := range r.Capabilities {
		if r.Capabilities[i].Key == key {
			return &r.Capabilities[i]
		}
	}
	return nil
}

// HasTargets reports whether any capability in scope has a target.
func (r *Report) HasTargets() bool { return r.Scores.Overall.WithTarget > 0 }

func (r *Report) capabilitySection(fw *framework.Framework, cd *assessment.CapabilityDetail, score CapabilityScore) CapabilitySection {
	c, lang := cd.Capability, r.Lang
	cs := CapabilitySection{
		Key:           c.Key,
		Number:        c.Number,
		Name:          c.Name.In(lang),
		Short:         c.Short.In(lang),
		Description:   c.Description.In(lang),
		DomainKey:     c.Domain.Key,
		DomainNumber:  c.Domain.Number,
		DomainName:    c.Domain.Name.In(lang),
		Score:         score,
		SuggestedName: r.PhaseName(cd.Suggested),
		Justification: cd.State.Justification,
		State: StateInfo{
			Confirmed: copyInt(cd.State.Confirmed),
			Target:    copyInt(cd.State.Target),
			Priority:  string(cd.State.Priority),
			Lead:      cd.State.Lead,
			Version:   cd.State.Version,
			UpdatedBy: cd.State.UpdatedBy,
			UpdatedAt: cd.State.UpdatedAt,
		},
	}
	base := cd.Suggested
	if score.Phase != nil {
		base = *score.Phase
		cs.PhaseName = r.PhaseName(base)
		cs.PhaseText = c.Phases[base].In(lang)
	}
	if score.Target != nil {
		cs.TargetName = r.PhaseName(*score.Target)
	}
	cs.Indicators = make([]IndicatorLine, 0, len(c.Indicators))
	for _, in := range c.Indicators {
		l := r.indicatorLine(in, cd.Answer(in.Key))
		cs.Indicators = append(cs.Indicators, l)
		if l.Value == assessment.Yes {
			cs.Met = append(cs.Met, l)
		} else {
			cs.NotMet = append(cs.NotMet, l)
		}
	}
	if base < framework.MaxPhase {
		next := base + 1
		cs.NextPhase = &next
		cs.NextPhaseName = r.PhaseName(next)
		// What keeps the capability from the next phase, under the phase
		// rule: lower phases' Partly answers too, and a phase's indicators
		// when all of them are Not applicable.
		blocking := map[string]bool{}
		for _, in := range assessment.Blocking(c, cd.Values(), next) {
			blocking[in.Key] = true
		}
		for _, l := range cs.Indicators {
			if blocking[l.Key] {
				cs.NextSteps = append(cs.NextSteps, l)
			}
		}
	}
	cs.Rating = r.ratingInfo(cd)
	for _, rec := range fw.RecommendationsFor(c) {
		cs.Recommendations = append(cs.Recommendations, RecommendationLine{Number: rec.Number, Text: rec.Text.In(lang)})
	}
	return cs
}

func (r *Report) indicatorLine(in *framework.Indicator, a assessment.Answer) IndicatorLine {
	return IndicatorLine{
		Key:         in.Key,
		Number:      assessment.IndicatorNumber(in),
		Phase:       in.Phase,
		Text:        in.Text.In(r.Lang),
		EvidenceFor: in.Evidence.In(r.Lang),
		Value:       a.Value,
		ValueLabel:  r.answerLabel(a.Value),
		Evidence:    a.Evidence,
		Links:       append([]string(nil), a.Links...),
		Note:        a.Note,
		Version:     a.Version,
		UpdatedBy:   a.UpdatedBy,
		UpdatedAt:   a.UpdatedAt,
	}
}

// compare matches capabilities of the two cycles by key, so a change of
// scope or framework version between cycles does not misalign them.
func (r *Report) compare(prev *assessment.Detail) *Comparison {
	ps := Score(prev)
	before := make(map[string]*int, len(ps.Capabilities))
	for _, c := range ps.Capabilities {
		before[c.Key] = c.Phase
	}
	cmp := &Comparison{
		AssessmentID:     prev.Assessment.ID,
		Title:            prev.Assessment.Title,
		Period:           prev.Assessment.Period,
		FrameworkVersion: prev.Assessment.FrameworkVersion,
		Scores:           ps,
	}
	for i := range r.Capabilities {
		cs := &r.Capabilities[i]
		from := before[cs.Key]
		cs.Previous = copyInt(from)
		if cs.Score.Phase == nil {
			continue
		}
		ch := Change{Key: cs.Key, Number: cs.Number, Name: cs.Short, From: copyInt(from), To: *cs.Score.Phase}
		switch {
		case from == nil:
			cmp.NewlyAssessed = append(cmp.NewlyAssessed, ch)
		case ch.To > *from:
			cmp.MovedUp = append(cmp.MovedUp, ch)
		case ch.To < *from:
			cmp.Slipped = append(cmp.Slipped, ch)
		default:
			cmp.Unchanged++
		}
	}
	return cmp
}
