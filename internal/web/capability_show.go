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
}

// judgementForm is the same for the capability's phases.
type judgementForm struct {
	Confirmed     string
	Justification string
	Target        string
	Priority      string
	Lead          string
	Version       int
}

type capabilityPage struct {
	Detail          *assessment.Detail
	Cap             *assessment.CapabilityDetail
	Prev, Next      *assessment.CapabilityDetail
	Position        int
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
	for i, x := range d.Capabilities {
		if x == cd {
			page.Position = i + 1
		}
	}
	for _, in := range cd.Capability.Indicators {
		if f, ok := submitted[in.Key]; ok {
			page.Answers[in.Key] = f
			continue
		}
		a := cd.Answer(in.Key)
		page.Answers[in.Key] = &answerForm{Value: a.Value, Evidence: a.Evidence, Links: joinLines(a.Links), Note: a.Note, Version: a.Version}
	}
	if judgement != nil {
		page.Judgement = *judgement
	} else {
		st := cd.State
		page.Judgement = judgementForm{Confirmed: phaseString(st.Confirmed), Justification: st.Justification,
			Target: phaseString(st.Target), Priority: string(st.Priority), Lead: st.Lead, Version: st.Version}
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
