package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Contribution reads contribution id with the agency's answers, for p in
// the agency or among the assessment's readers of contributions. Anyone
// else is told it does not exist (404), so nothing reveals it.
func (a *App) Contribution(ctx context.Context, p *policy.Principal, id int64) (*assessment.ContributionDetail, error) {
	cn, national, requester, answers, err := a.db.ContributionContent(ctx, id)
	if err != nil {
		return nil, err
	}
	if !policy.CanViewContribution(p, &national, &cn) {
		return nil, assessment.NotFound("contribution")
	}
	fw, err := framework.Get(national.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return assessment.NewContributionDetail(fw, cn, national, requester, answers), nil
}

// Consolidation is an assessment with its agencies' contributions and
// their answers (contribution id → indicator key → answer), as the
// consolidation pages and the API show them.
type Consolidation struct {
	Detail        *assessment.Detail
	Contributions []assessment.Contribution
	Answers       map[int64]map[string]assessment.Answer
}

// Consolidation reads assessment id for the consolidation: whoever may not
// see the assessment is told it does not exist (404); its members who may
// not read contributions are refused (403).
func (a *App) Consolidation(ctx context.Context, p *policy.Principal, id int64) (*Consolidation, error) {
	d, err := a.VisibleDetail(ctx, p, id, policy.CanViewAssessment)
	if err != nil {
		return nil, err
	}
	if !policy.CanViewContributions(p, &d.Assessment) {
		return nil, assessment.Errorf(assessment.EFORBIDDEN, "Only the owners, coordinators and reviewers of %s see the agencies' contributions.", d.Organisation.Name)
	}
	list, answers, err := a.db.ConsolidationContent(ctx, id)
	if err != nil {
		return nil, err
	}
	return &Consolidation{Detail: d, Contributions: list, Answers: answers}, nil
}
