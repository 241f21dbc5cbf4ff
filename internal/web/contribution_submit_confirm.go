package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// confirmed reports whether a form carries the answer of a confirmation
// step (confirm=yes): consequential steps taken from a page ask first, in
// the page itself, so they work without JavaScript.
func confirmed(c echo.Context) bool { return c.FormValue("confirm") == "yes" }

// contributionSubmitConfirm asks before a submission, which the agency
// cannot take back. What the store would refuse (a role that may not
// submit, unanswered indicators, a closed contribution) is refused here
// already, so nobody confirms a step that then fails.
func (s *Server) contributionSubmitConfirm(c echo.Context, cd *assessment.ContributionDetail) error {
	p := principal(c)
	if !policy.CanSubmitContribution(p, &cd.Contribution) {
		return policy.ContributionRefusal(p, &cd.Contribution)
	}
	err := contributionWritable(cd)
	if err == nil {
		asked := cd.Completion.Add(cd.EnablerCompletion) // the enablers asked count too
		err = assessment.CheckSubmit(cd.Contribution.Status, asked.Total-asked.Answered)
	}
	if err != nil {
		if de, ok := assessment.AsError(err); ok && de.Code == assessment.ECONFLICT {
			return s.renderContribution(c, http.StatusConflict, cd, s.localizeError(c, de))
		}
		return err
	}
	return s.render(c, "contribution_submit_confirm", pageData{Title: s.translator(c).T("ConfirmSubmitHeading"), Data: cd})
}
