package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// contributionShowPage is the contribution's overview: the capabilities
// asked with completion, and the way to submit.
type contributionShowPage struct {
	CD        *assessment.ContributionDetail
	CanEdit   bool
	CanSubmit bool
	Overdue   bool
	// Why the contribution cannot change now ("" when it can).
	Closed string
}

func (s *Server) contributionShow(c echo.Context) error {
	cd, err := httpx.Contribution(c, s.app)
	if err != nil {
		return err
	}
	return s.renderContribution(c, http.StatusOK, cd, nil)
}

func (s *Server) renderContribution(c echo.Context, status int, cd *assessment.ContributionDetail, formErr *assessment.Error) error {
	p := principal(c)
	page := contributionShowPage{CD: cd, CanEdit: policy.CanEditContribution(p, &cd.Contribution),
		CanSubmit: policy.CanSubmitContribution(p, &cd.Contribution), Overdue: cd.Contribution.Overdue(s.cfg.Now())}
	page.Closed = s.contributionClosedText(c, cd)
	title := s.translator(c).T("ContribShowTitle", "Agency", cd.Contribution.Agency.Name, "Title", cd.National.Title)
	return s.renderStatus(c, status, "contribution_show", pageData{Title: title, Error: formErr, Data: page})
}
