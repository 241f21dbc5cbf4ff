package api

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// apiAnswerBase is the optional "base" of an answer write: the values the
// client started from, for the fields it changed. With it, a write on an
// older version is merged field by field instead of refused.
type apiAnswerBase struct {
	Answer   *string   `json:"answer"`
	Evidence *string   `json:"evidence"`
	Links    *[]string `json:"links"`
	Note     *string   `json:"note"`
}

func (b *apiAnswerBase) fields() map[string]string {
	if b == nil {
		return nil
	}
	out := map[string]string{}
	for n, v := range map[string]*string{assessment.FieldAnswer: b.Answer, assessment.FieldEvidence: b.Evidence, assessment.FieldNote: b.Note} {
		if v != nil {
			out[n] = *v
		}
	}
	if b.Links != nil {
		out[assessment.FieldLinks] = strings.Join(*b.Links, "\n")
	}
	return out
}

// apiJudgementBase is the same for a capability's phases; a phase given as
// null started from "not set", which differs from leaving it out.
type apiJudgementBase struct {
	Confirmed     basePhase `json:"confirmed_phase"`
	Justification *string   `json:"justification"`
	Target        basePhase `json:"target_phase"`
	Priority      *string   `json:"priority"`
	Lead          *string   `json:"lead"`
}

type basePhase struct {
	set bool
	v   *int
}

func (p *basePhase) UnmarshalJSON(b []byte) error {
	p.set = true
	return json.Unmarshal(b, &p.v)
}

func (b *apiJudgementBase) fields() map[string]string {
	if b == nil {
		return nil
	}
	out := map[string]string{}
	for n, p := range map[string]basePhase{assessment.FieldConfirmed: b.Confirmed, assessment.FieldTarget: b.Target} {
		if p.set {
			out[n] = ""
			if p.v != nil {
				out[n] = strconv.Itoa(*p.v)
			}
		}
	}
	for n, v := range map[string]*string{assessment.FieldJustification: b.Justification, assessment.FieldPriority: b.Priority, assessment.FieldLead: b.Lead} {
		if v != nil {
			out[n] = *v
		}
	}
	return out
}
