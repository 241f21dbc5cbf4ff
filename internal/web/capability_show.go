package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
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

type capabilityPage struct {
	Detail          *assessment.Detail
	Cap             *assessment.CapabilityDetail
	Prev, Next      *assessment.CapabilityDetail
	Position        int
	Total           int // capabilities in scope, or enablers for an enabler
	CanEdit         bool
	Locked          bool
	Recommendations []framework.Recommendation
	Answers         map[string]*answerForm
	Judgement       judgementForm
	Review          capabilityReview
	Provenance      map[string]string // indicator key → where the national answer came from
}

func (s *Server) capabilityShow(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	cd, err := capabilityIn(d, c.Param("key"))
	if err != nil {
		return err
	}
	return s.renderCapability(c, http.StatusOK, d, cd, nil, nil, nil)
}

// renderCapability shows the capability page; submitted values, when given,
// replace the stored ones so nothing the user typed is lost on an error.
func (s *Server) renderCapability(c echo.Context, status int, d *assessment.Detail, cd *assessment.CapabilityDetail,
	submitted map[string]*answerForm, judgement *judgementForm, formErr *assessment.Error) error {
	page := capabilityPage{Detail: d, Cap: cd, Answers: map[string]*answerForm{},
		CanEdit:         policy.CanEditCapability(principal(c), &d.Assessment, cd.Capability.Key),
		Locked:          d.Assessment.Status == assessment.StatusApproved,
		Recommendations: d.Framework.RecommendationsFor(cd.Capability)}
	page.Prev, page.Next = d.Neighbours(cd.Capability.Key)
	page.Position, page.Total = positionOf(d, cd)
	for _, in := range cd.Capability.Indicators {
		if f, ok := submitted[in.Key]; ok {
			page.Answers[in.Key] = f
			continue
		}
		page.Answers[in.Key] = storedAnswerForm(cd.Answer(in.Key))
	}
	if judgement != nil {
		page.Judgement = *judgement
	} else {
		st := cd.State
		page.Judgement = judgementForm{Confirmed: phaseString(st.Confirmed), Justification: st.Justification,
			Target: phaseString(st.Target), Priority: string(st.Priority), Lead: st.Lead, Version: st.Version, Base: st.Fields()}
	}
	review, err := s.capabilityReview(c, d, cd)
	if err != nil {
		return err
	}
	page.Review = review
	if page.Provenance, err = s.capabilityProvenance(c, d, cd); err != nil {
		return err
	}
	title := cd.Capability.Short.In(s.translator(c).Lang.Code) + " – " + d.Assessment.Title
	return s.renderStatus(c, status, "capability_show", pageData{Title: title, Error: formErr, Data: page})
}
