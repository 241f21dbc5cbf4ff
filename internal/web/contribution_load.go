package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// loadContribution reads the contribution named by :id with the agency's
// answers. Whoever is neither in the agency nor among the assessment's
// readers of contributions gets 404, so nothing reveals it exists.
func (s *Server) loadContribution(c echo.Context) (*assessment.ContributionDetail, error) {
	id, err := paramID(c, "id", "contribution")
	if err != nil {
		return nil, err
	}
	cn, national, requester, answers, err := s.db.ContributionContent(c.Request().Context(), id)
	if err != nil {
		return nil, err
	}
	if !policy.CanViewContribution(principal(c), &national, &cn) {
		return nil, assessment.NotFound("contribution")
	}
	fw, err := framework.Get(national.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return assessment.NewContributionDetail(fw, cn, national, requester, answers), nil
}

// contributionWritable is the domain's rule for whether a contribution can
// change now (not submitted, its assessment not approved).
func contributionWritable(cd *assessment.ContributionDetail) error {
	return assessment.CheckContributionOpen(&cd.National, &cd.Contribution)
}

// loadConsolidation reads an assessment for the consolidation pages: its
// members who may not read contributions get 403, others 404.
func (s *Server) loadConsolidation(c echo.Context) (*assessment.Detail, []assessment.Contribution, map[int64]map[string]assessment.Answer, error) {
	d, err := s.loadDetail(c)
	if err != nil {
		return nil, nil, nil, err
	}
	if !policy.CanViewContributions(principal(c), &d.Assessment) {
		return nil, nil, nil, assessment.Errorf(assessment.EFORBIDDEN, "Only the owners, coordinators and reviewers of %s see the agencies' contributions.", d.Organisation.Name)
	}
	list, answers, err := s.db.ConsolidationContent(c.Request().Context(), d.Assessment.ID)
	return d, list, answers, err
}
