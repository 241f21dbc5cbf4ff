package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// contributionClosedText says, as a whole sentence in the page's language,
// why a contribution cannot change now; "" when it can. The two usual
// reasons (submitted, assessment approved) have their own notice rather
// than the refusal an attempted write would get.
func (s *Server) contributionClosedText(c echo.Context, cd *assessment.ContributionDetail) string {
	err := contributionWritable(cd)
	if err == nil {
		return ""
	}
	tr := s.translator(c)
	switch {
	case cd.National.Status == assessment.StatusApproved:
		return tr.T("ContribLockedNotice")
	case cd.Contribution.Status == assessment.ContributionSubmitted:
		return tr.T("ContribSubmittedNotice", "Org", cd.Requester.Name)
	}
	return s.errorText(c, err)
}

// contributionWritable is the domain's rule for whether a contribution can
// change now (not submitted, its assessment not approved).
func contributionWritable(cd *assessment.ContributionDetail) error {
	return assessment.CheckContributionOpen(&cd.National, &cd.Contribution)
}
