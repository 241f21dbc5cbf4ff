package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// submitContribution is the one path for handing a contribution to the
// coordinator, for the page and the API (app.SubmitContribution).
func (s *Server) submitContribution(c echo.Context, cd *assessment.ContributionDetail) error {
	return s.app.SubmitContribution(c.Request().Context(), principal(c), actor(c), &cd.Contribution)
}

// contributionSubmit takes the submit button of the contribution page,
// asks for confirmation first (contribution_submit_confirm.go); a
// refusal (unanswered indicators, already submitted) comes back on it.
func (s *Server) contributionSubmit(c echo.Context) error {
	cd, err := httpx.Contribution(c, s.app)
	if err != nil {
		return err
	}
	if !confirmed(c) {
		return s.contributionSubmitConfirm(c, cd)
	}
	if err := s.submitContribution(c, cd); err != nil {
		if de, ok := assessment.AsError(err); ok && de.Code == assessment.ECONFLICT {
			return s.renderContribution(c, http.StatusConflict, cd, de)
		}
		return err
	}
	flash(c, s.translator(c).T("ContribFlashSubmitted", "Org", cd.Requester.Name))
	return c.Redirect(http.StatusSeeOther, links.Contribution(cd.Contribution.ID))
}
