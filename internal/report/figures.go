package report

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// The rounding rule of every figure the report prints, stated in the
// methodology (message DocRoundingRule): a percentage is a whole number
// rounded down, computed from its exact count and total and always shown
// with them ("2 of 19 (10%)"), so 100% means all and no share is
// overstated; a mean phase is rounded half up to one decimal from the
// exact sum (roundTo). Each figure is computed and formatted once, here,
// and findings, tiles and tables print the same strings.

// Share is a count out of a total.
type Share struct {
	N  int `json:"n"`
	Of int `json:"of"`
}

// Percent is the share as a whole percentage, rounded down; 0 when the
// total is 0.
func (s Share) Percent() int {
	if s.Of <= 0 {
		return 0
	}
	return s.N * 100 / s.Of
}

// Figures are the report's headline figures, already formatted in the
// report's language.
type Figures struct {
	Mean        string // mean phase of the assessed capabilities; "–" when none
	TargetMean  string
	Established Share // assessed capabilities at EstablishedPhase or above
	Assessed    Share // capabilities with a phase, of those in scope
	Answered    Share // indicators answered, of those in scope
	// ByPhase counts assessed capabilities per phase, of the assessed ones.
	ByPhase []PhaseShare
	// Data gaps: indicators answered Don't know, indicators unanswered, and
	// the capabilities not assessed.
	DontKnow    int
	Unanswered  int
	NotAssessed []CapabilityRef

	EstablishedText, AssessedText, AnsweredText string
}

// PhaseShare is how many assessed capabilities are at one phase.
type PhaseShare struct {
	Phase int
	Name  string
	Share Share
	Text  string
	Caps  []CapabilityRef
}

// CapabilityRef names a capability in a sentence or a list.
type CapabilityRef struct {
	Key    string
	Number int
	Short  string
}

// String is the capability's number and short name.
func (c CapabilityRef) String() string { return capRef(c.Number, c.Short) }

// ShareText formats a share as "n of N (p%)" in the report's language.
func (r *Report) ShareText(s Share) string {
	return r.t("CoreNOfTotalPercent", "N", s.N, "Total", s.Of, "Percent", r.translator().Percent(float64(s.Percent())/100))
}

// MeanText formats a mean phase; "–" when there is none.
func (r *Report) MeanText(m *float64) string {
	if m == nil {
		return "–"
	}
	return r.dec(*m)
}

func (r *Report) computeFigures() Figures {
	o := r.Scores.Overall
	f := Figures{
		Mean:        r.MeanText(o.Mean),
		TargetMean:  r.MeanText(o.TargetMean),
		Established: Share{o.Established, o.Assessed},
		Assessed:    Share{o.Assessed, o.Capabilities},
		Answered:    Share{o.Completion.Answered, o.Completion.Total},
	}
	for p := 0; p <= framework.MaxPhase; p++ {
		ps := PhaseShare{Phase: p, Name: r.PhaseName(p), Share: Share{o.PhaseCounts[p], o.Assessed}}
		ps.Text = r.ShareText(ps.Share)
		f.ByPhase = append(f.ByPhase, ps)
	}
	for _, c := range r.Capabilities {
		ref := CapabilityRef{Key: c.Key, Number: c.Number, Short: c.Short}
		if c.Score.Phase == nil {
			f.NotAssessed = append(f.NotAssessed, ref)
		} else if *c.Score.Phase >= 0 && *c.Score.Phase <= framework.MaxPhase {
			f.ByPhase[*c.Score.Phase].Caps = append(f.ByPhase[*c.Score.Phase].Caps, ref)
		}
		for _, l := range c.Indicators {
			switch l.Value {
			case assessment.Unknown:
				f.DontKnow++
			case assessment.Unanswered:
				f.Unanswered++
			}
		}
	}
	f.EstablishedText = r.ShareText(f.Established)
	f.AssessedText = r.ShareText(f.Assessed)
	f.AnsweredText = r.ShareText(f.Answered)
	return f
}
