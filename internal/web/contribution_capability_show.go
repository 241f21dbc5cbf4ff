package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// contributionCapabilityPage is the questionnaire of one capability for an
// agency: the same indicators, answers and evidence as the national page,
// without the phase judgement, which stays with the coordinator.
type contributionCapabilityPage struct {
	CD              *assessment.ContributionDetail
	Cap             *assessment.CapabilityDetail
	Prev, Next      *assessment.CapabilityDetail
	Position        int
	Total           int // capabilities asked, or enablers for an enabler
	CanEdit         bool
	Closed          string // why it cannot change now; "" when it can
	Recommendations []framework.Recommendation
	Answers         map[string]*answerForm
}

func (s *Server) contributionCapabilityShow(c echo.Context) error {
	cd, err := s.loadContribution(c)
	if err != nil {
		return err
	}
	cp, err := contributionCapability(cd, c.Param("key"))
	if err != nil {
		return err
	}
	return s.renderContributionCapability(c, http.StatusOK, cd, cp, nil, nil)
}

// renderContributionCapability shows the page; submitted values, when
// given, replace the stored ones so nothing typed is lost on an error.
func (s *Server) renderContributionCapability(c echo.Context, status int, cd *assessment.ContributionDetail, cp *assessment.CapabilityDetail,
	submitted map[string]*answerForm, formErr *assessment.Error) error {
	page := contributionCapabilityPage{CD: cd, Cap: cp, Answers: map[string]*answerForm{},
		Recommendations: cd.Framework.RecommendationsFor(cp.Capability)}
	page.CanEdit = mayEditContribution(c, cd) == nil
	page.Closed = s.contributionClosedText(c, cd)
	page.Prev, page.Next = cd.Neighbours(cp.Capability.Key)
	page.Position, page.Total = positionOf(cd.Detail, cp)
	for _, in := range cp.Capability.Indicators {
		if f, ok := submitted[in.Key]; ok {
			page.Answers[in.Key] = f
			continue
		}
		page.Answers[in.Key] = storedAnswerForm(cp.Answer(in.Key))
	}
	tr := s.translator(c)
	title := tr.T("ContribCapTitle", "Capability", cp.Capability.Short.In(tr.Lang.Code), "Agency", cd.Contribution.Agency.Name)
	return s.renderStatus(c, status, "contribution_capability", pageData{Title: title, Error: formErr, Data: page})
}
