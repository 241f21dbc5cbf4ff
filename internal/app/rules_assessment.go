package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// assessmentRules: an organisation's own assessment, judged capability by
// capability, edited by its owners, coordinators and assigned contributors
// until it is approved.
var assessmentRules = rules{
	notFound: "assessment",
	judges:   true,
	head: func(ctx context.Context, a *App, id int64) (*Workspace, error) {
		return assessmentWorkspace(a.db.Assessment(ctx, id))
	},
	// An answer's save reads only what its checks need, kept in memory
	// while current, and holds only its indicator's capability.
	saveHead: func(ctx context.Context, a *App, id int64, indicator string) (*Workspace, error) {
		as, err := a.db.AssessmentForSave(ctx, id)
		if err != nil {
			return nil, err
		}
		fw, err := framework.Get(as.FrameworkVersion)
		if err != nil {
			return nil, err
		}
		key := ""
		if ind := fw.Indicator(indicator); ind != nil {
			key = ind.Capability.Key
		}
		return &Workspace{Detail: assessment.NewSaveDetail(fw, assessment.Organisation{ID: as.OrganisationID}, as, key)}, nil
	},
	answers: func(ctx context.Context, a *App, ws *Workspace, key string) error {
		org, err := a.db.Organisation(ctx, ws.Detail.Assessment.OrganisationID)
		if err != nil {
			return err
		}
		states, answers, err := a.db.CapabilityAnswers(ctx, ws.Detail.Assessment.ID, key)
		if err != nil {
			return err
		}
		ws.Detail = assessment.NewDetail(ws.Detail.Framework, org, ws.Detail.Assessment, states, answers)
		return nil
	},
	visible: func(p *policy.Principal, ws *Workspace) bool {
		return policy.CanViewAssessment(p, &ws.Detail.Assessment)
	},
	refusal: func(p *policy.Principal, ws *Workspace, key string) error {
		if !policy.CanEditCapability(p, &ws.Detail.Assessment, key) {
			return policy.EditRefusal(p, &ws.Detail.Assessment, key)
		}
		return nil
	},
	closed: func(ws *Workspace) error { return assessment.CheckUnlocked(&ws.Detail.Assessment) },
	outside: func(ws *Workspace, key, capKey string) error {
		return assessment.FieldError("indicator", "indicator %q belongs to capability %q, which is outside this assessment's scope", key, capKey)
	},
	unknown: func(ws *Workspace, key string) error {
		if ws.Detail.Framework.Assessable(key) != nil {
			return assessment.FieldError("capability", "capability %q is outside this assessment's scope", key)
		}
		return assessment.NotFound("capability")
	},
	write: func(ctx context.Context, a *App, by assessment.Actor, ws *Workspace, answers []assessment.Answer, st *assessment.CapabilityState) ([]assessment.Answer, *assessment.CapabilityState, error) {
		if st == nil && len(answers) == 1 {
			saved, err := a.db.SaveAnswer(ctx, by, answers[0])
			return []assessment.Answer{saved}, nil, err
		}
		return a.db.SaveCapabilityForm(ctx, by, answers, st)
	},
}

// assessmentWorkspace is an assessment's head as a workspace. The
// organisation is read with the answers, for pages; a save needs its id
// only.
func assessmentWorkspace(as assessment.Assessment, err error) (*Workspace, error) {
	if err != nil {
		return nil, err
	}
	fw, err := framework.Get(as.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return &Workspace{Detail: assessment.NewDetail(fw, assessment.Organisation{ID: as.OrganisationID}, as, nil, nil)}, nil
}
