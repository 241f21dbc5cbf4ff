package report

import (
	"sort"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Process is how the national position came about, loaded by the caller
// beside the assessment: the agencies' contributions with their answers,
// and the review comments. The report only reads it.
type Process struct {
	Contributions []assessment.Contribution
	Answers       map[int64]map[string]assessment.Answer // contribution id → indicator key → answer
	Comments      []assessment.Comment
}

// Participants is the report's account of who took part and how
// differences were settled.
type Participants struct {
	Agencies      []AgencyLine
	Disagreements []Disagreement
	// People are everyone who saved an answer or a phase, by name.
	People []string
	Review ReviewLine
}

// AgencyLine is one contributing organisation: what it was asked, what it
// answered and when.
type AgencyLine struct {
	Name        string
	KindLabel   string
	Asked       []CapabilityRef
	Answered    int // indicators it answered
	Questions   int // indicators of the capabilities it was asked
	StatusLabel string
	SubmittedAt *time.Time
	LastAnswer  *time.Time
}

// Disagreement is one indicator on which submitted contributions differ,
// with how the national answer settled it.
type Disagreement struct {
	Capability CapabilityRef
	Number     string // "4.7"
	Text       string // the indicator, short form
	Positions  []string
	Resolution string
	Open       bool
}

// ReviewLine is the review: who reviewed, when, and the comments.
type ReviewLine struct {
	Reviewers   []string
	SubmittedAt *time.Time
	ApprovedAt  *time.Time
	ApprovedBy  string
	Threads     int
	Resolved    int
}

// SetProcess fills in the participants from p; d is the assessment the
// report was built from.
func (r *Report) SetProcess(d *assessment.Detail, p Process) {
	pt := Participants{People: people(d)}
	byKey := map[string]*CapabilitySection{}
	for i := range r.Capabilities {
		byKey[r.Capabilities[i].Key] = &r.Capabilities[i]
	}
	for _, c := range p.Contributions {
		line := AgencyLine{Name: c.Agency.Name, KindLabel: r.t("Kind_" + string(c.Agency.Kind)),
			StatusLabel: r.t("ContribStatus_" + string(c.Status)), SubmittedAt: c.SubmittedAt}
		for _, k := range c.Capabilities {
			if cs := byKey[k]; cs != nil {
				line.Asked = append(line.Asked, CapabilityRef{Key: cs.Key, Number: cs.Number, Short: cs.Short})
				line.Questions += len(cs.Indicators)
			}
		}
		for _, a := range p.Answers[c.ID] {
			if a.Value == assessment.Unanswered {
				continue
			}
			line.Answered++
			if t := a.UpdatedAt; !t.IsZero() && (line.LastAnswer == nil || t.After(*line.LastAnswer)) {
				line.LastAnswer = &t
			}
		}
		pt.Agencies = append(pt.Agencies, line)
	}
	for _, cd := range d.Capabilities {
		con := assessment.Consolidate(cd, p.Contributions, p.Answers)
		for _, ic := range con.Indicators {
			if ic.Agreement == assessment.AgreementDisagree {
				pt.Disagreements = append(pt.Disagreements, r.disagreement(cd, ic, p.Contributions))
			}
		}
	}
	pt.Review = r.review(d, p.Comments)
	r.Participants = pt
}

func (r *Report) disagreement(cd *assessment.CapabilityDetail, ic assessment.IndicatorConsolidation, all []assessment.Contribution) Disagreement {
	c := cd.Capability
	dg := Disagreement{Capability: CapabilityRef{Key: c.Key, Number: c.Number, Short: c.Short.In(r.Lang)},
		Number: assessment.IndicatorNumber(ic.Indicator), Text: assessment.ShortText(ic.Indicator.Text.In(r.Lang))}
	for _, pos := range ic.Positions {
		dg.Positions = append(dg.Positions, r.t("DocPosition", "Agency", pos.Contribution.Agency.Name, "Answer", r.answerLabel(pos.Answer.Value)))
	}
	nat := ic.National
	switch nat.Source {
	case assessment.SourceContribution:
		from := ""
		for _, c := range all {
			if nat.SourceContributionID != nil && c.ID == *nat.SourceContributionID {
				from = c.Agency.Name
			}
		}
		dg.Resolution = r.t("DocResolvedAdopted", "Agency", from, "Answer", r.answerLabel(nat.Value))
	case assessment.SourceCoordinator:
		dg.Resolution = r.t("DocResolvedDecided", "Answer", r.answerLabel(nat.Value), "Reason", nat.SourceReason)
	default:
		dg.Open = true
		dg.Resolution = r.t("DocResolvedOpen")
	}
	return dg
}

func (r *Report) review(d *assessment.Detail, comments []assessment.Comment) ReviewLine {
	a := d.Assessment
	rv := ReviewLine{SubmittedAt: a.SubmittedAt, ApprovedAt: a.ApprovedAt, ApprovedBy: a.ApprovedByName}
	seen := map[string]bool{}
	for _, c := range comments {
		if c.ParentID != nil {
			continue
		}
		rv.Threads++
		if c.Resolved() {
			rv.Resolved++
		}
		if c.Author != "" && !seen[c.Author] && c.Kind != assessment.CommentReopen {
			seen[c.Author] = true
			rv.Reviewers = append(rv.Reviewers, c.Author)
		}
	}
	sort.Strings(rv.Reviewers)
	return rv
}

// people lists everyone who saved an answer or a phase.
func people(d *assessment.Detail) []string {
	seen := map[string]bool{}
	for _, cd := range d.Capabilities {
		if cd.State.UpdatedBy != "" {
			seen[cd.State.UpdatedBy] = true
		}
		for _, a := range cd.Answers {
			if a.UpdatedBy != "" {
				seen[a.UpdatedBy] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
