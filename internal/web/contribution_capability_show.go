package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// contributionCapabilityPage is the questionnaire of one capability for an
// agency: the same indicators, answers and evidence as the national page,
// without the phase judgement, which stays with the coordinator.
type contributionCapabilityPage struct {
	questionnairePage
	CD     *assessment.ContributionDetail
	Closed string // why it cannot change now; "" when it can
}

func (s *Server) renderContributionCapability(c echo.Context, status int, v *app.CapabilityView, q questionnairePage, formErr *assessment.Error) error {
	cd := v.Contribution
	q.CanEdit = v.MayEdit && v.Closed == nil
	page := contributionCapabilityPage{questionnairePage: q, CD: cd}
	page.Closed = s.contributionClosedText(c, cd)
	tr := s.translator(c)
	title := tr.T("ContribCapTitle", "Capability", v.Cap.Capability.Short.In(tr.Lang.Code), "Agency", cd.Contribution.Agency.Name)
	return s.renderStatus(c, status, "contribution_capability", pageData{Title: title, Error: formErr, Data: page})
}
