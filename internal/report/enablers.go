package report

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// EnablerSection is one MNR enabler in the report: answered and placed like
// a capability, but kept in its own list so that no capability figure
// (scores, means, charts, summary, progress) ever counts it.
type EnablerSection struct {
	Key         string
	Label       string // "E1"…
	Number      int
	Name        string
	Short       string
	Description string
	// Phase is the confirmed phase (the suggestion while none is
	// confirmed); nil when the enabler is not assessed.
	Phase         *int
	PhaseName     string
	PhaseText     string
	Suggested     int
	SuggestedName string
	Justification string
	Target        *int
	TargetName    string
	State         StateInfo
	Completion    CompletionScore
	Indicators    []IndicatorLine
	Rating        RatingInfo
}

// Assessed reports whether the enabler has a phase to show.
func (e EnablerSection) Assessed() bool { return e.Phase != nil }

// buildEnablers turns the enablers in scope into report sections.
func (r *Report) buildEnablers(cur *assessment.Detail) {
	for _, ed := range cur.Enablers {
		r.Enablers = append(r.Enablers, r.enablerSection(ed))
	}
}

func (r *Report) enablerSection(ed *assessment.CapabilityDetail) EnablerSection {
	e, lang := ed.Capability, r.Lang
	es := EnablerSection{Key: e.Key, Label: e.Label(), Number: e.Number, Name: e.Name.In(lang), Short: e.Short.In(lang),
		Description: e.Description.In(lang), Suggested: ed.Suggested, SuggestedName: r.PhaseName(ed.Suggested),
		Justification: ed.State.Justification, Target: copyInt(ed.State.Target),
		Completion: CompletionScore{Answered: ed.Completion.Answered, Total: ed.Completion.Total, Percent: ed.Completion.Percent()},
		State: StateInfo{Confirmed: copyInt(ed.State.Confirmed), Target: copyInt(ed.State.Target), Priority: string(ed.State.Priority),
			Lead: ed.State.Lead, Version: ed.State.Version, UpdatedBy: ed.State.UpdatedBy, UpdatedAt: ed.State.UpdatedAt}}
	if ed.Assessed() {
		p := ed.ConfirmedPhase()
		es.Phase, es.PhaseName, es.PhaseText = &p, r.PhaseName(p), e.Phases[p].In(lang)
	}
	if es.Target != nil {
		es.TargetName = r.PhaseName(*es.Target)
	}
	for _, in := range e.Indicators {
		es.Indicators = append(es.Indicators, r.indicatorLine(in, ed.Answer(in.Key)))
	}
	es.Rating = r.ratingInfo(ed)
	return es
}

// RatingInfo is what the phase rule found beside the suggestion, as the
// report shows it: why a capability is not assessed, the indicators of
// phases above the suggestion that are met (a jagged profile) and the
// Don't know answers (data gaps).
type RatingInfo struct {
	NotAssessedReason string // "" or assessment.ReasonMostlyNotApplicable
	NotAssessedText   string // the reason in the report's language
	AboveSuggested    []IndicatorLine
	AboveText         string // "3 indicators of phases above the suggested one are met."
	DataGaps          []IndicatorLine
	DataGapsText      string
}

// Any reports whether there is something to flag.
func (ri RatingInfo) Any() bool {
	return ri.NotAssessedReason != "" || len(ri.AboveSuggested) > 0 || len(ri.DataGaps) > 0
}

func (r *Report) ratingInfo(cd *assessment.CapabilityDetail) RatingInfo {
	var ri RatingInfo
	line := func(in *framework.Indicator) IndicatorLine { return r.indicatorLine(in, cd.Answer(in.Key)) }
	if ri.NotAssessedReason = cd.NotAssessedReason; ri.NotAssessedReason != "" {
		ri.NotAssessedText = r.t("NotAssessedReason_"+ri.NotAssessedReason, "NA", len(cd.NotApplicable), "Total", len(cd.Capability.Indicators))
	}
	for _, in := range cd.AboveSuggested {
		ri.AboveSuggested = append(ri.AboveSuggested, line(in))
	}
	if n := len(ri.AboveSuggested); n > 0 {
		ri.AboveText = r.t("RatingAboveSuggested", "Count", n)
	}
	for _, in := range cd.DataGaps {
		ri.DataGaps = append(ri.DataGaps, line(in))
	}
	if n := len(ri.DataGaps); n > 0 {
		ri.DataGapsText = r.t("RatingDataGaps", "Count", n)
	}
	return ri
}
