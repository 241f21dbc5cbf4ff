package web

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// answerForm is what an indicator's inputs show: the stored answer, or what
// the user submitted when the page comes back with an error.
type answerForm struct {
	Value    assessment.AnswerValue
	Evidence string
	Links    string
	Note     string
	Version  int
	Error    string
	// ErrorField is the input the error is about ("note" when Not
	// applicable comes without its reason), so the message stands beside it.
	ErrorField string
	// Base is what the inputs started from, sent back as base.* so that a
	// save made on an older version merges field by field; nil when the
	// form did not carry one (then no base is sent back either).
	Base     assessment.Fields
	Conflict *conflictView // after a stale save
}

func (f *answerForm) fields() assessment.Fields {
	return assessment.Fields{assessment.FieldAnswer: string(f.Value), assessment.FieldEvidence: assessment.NormalizeField(assessment.FieldEvidence, f.Evidence),
		assessment.FieldLinks: assessment.NormalizeField(assessment.FieldLinks, f.Links), assessment.FieldNote: assessment.NormalizeField(assessment.FieldNote, f.Note)}
}

// storedAnswerForm shows a stored answer.
func storedAnswerForm(a assessment.Answer) *answerForm {
	return &answerForm{Value: a.Value, Evidence: a.Evidence, Links: joinLines(a.Links), Note: a.Note, Version: a.Version, Base: a.Fields()}
}

// judgementForm is the same for the capability's phases.
type judgementForm struct {
	Confirmed     string
	Justification string
	Target        string
	Priority      string
	Lead          string
	Version       int
	Base          assessment.Fields
	Conflict      *conflictView
}

// field is the input of a phase-block field by its name.
func (j *judgementForm) field(name string) *string {
	switch name {
	case assessment.FieldConfirmed:
		return &j.Confirmed
	case assessment.FieldJustification:
		return &j.Justification
	case assessment.FieldTarget:
		return &j.Target
	case assessment.FieldPriority:
		return &j.Priority
	}
	return &j.Lead
}

func (j *judgementForm) fields() assessment.Fields {
	out := assessment.Fields{}
	for _, n := range assessment.JudgementFields {
		out[n] = assessment.NormalizeField(n, *j.field(n))
	}
	return out
}
