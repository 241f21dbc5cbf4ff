package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// contributionRules: an agency's answers to the capabilities it was asked
// about, without phase judgements (those stay with the coordinator),
// edited by the agency's members until submitted or until the assessment
// it feeds is approved.
var contributionRules = rules{
	notFound: "contribution",
	head: func(ctx context.Context, a *App, id int64) (*Workspace, error) {
		cn, national, requester, err := a.db.ContributionHead(ctx, id)
		if err != nil {
			return nil, err
		}
		fw, err := framework.Get(national.FrameworkVersion)
		if err != nil {
			return nil, err
		}
		cd := assessment.NewContributionDetail(fw, cn, national, requester, nil)
		return &Workspace{Detail: cd.Detail, Contribution: cd}, nil
	},
	answers: func(ctx context.Context, a *App, ws *Workspace, key string) error {
		cd := ws.Contribution
		answers, err := a.db.ContributionCapabilityAnswers(ctx, cd.Contribution.ID, cd.National.ID, key)
		if err != nil {
			return err
		}
		ws.Contribution = assessment.NewContributionDetail(cd.Framework, cd.Contribution, cd.National, cd.Requester, answers)
		ws.Detail = ws.Contribution.Detail
		return nil
	},
	visible: func(p *policy.Principal, ws *Workspace) bool {
		return policy.CanViewContribution(p, &ws.Contribution.National, &ws.Contribution.Contribution)
	},
	refusal: func(p *policy.Principal, ws *Workspace, _ string) error {
		if !policy.CanEditContribution(p, &ws.Contribution.Contribution) {
			return policy.ContributionRefusal(p, &ws.Contribution.Contribution)
		}
		return nil
	},
	closed: func(ws *Workspace) error {
		return assessment.CheckContributionOpen(&ws.Contribution.National, &ws.Contribution.Contribution)
	},
	outside: func(ws *Workspace, key, capKey string) error {
		return assessment.FieldError("indicator", "indicator %q belongs to capability %q, which %s was not asked about", key, capKey, ws.Contribution.Contribution.Agency.Name)
	},
	unknown: func(*Workspace, string) error { return assessment.NotFound("capability") },
	write: func(ctx context.Context, a *App, by assessment.Actor, ws *Workspace, answers []assessment.Answer, _ *assessment.CapabilityState) ([]assessment.Answer, *assessment.CapabilityState, error) {
		saved, err := a.db.SaveContributionAnswers(ctx, by, ws.Contribution.Contribution.ID, answers)
		return saved, nil, err
	},
}
