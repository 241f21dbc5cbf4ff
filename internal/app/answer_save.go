package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// AnswerSave is one indicator's answer to save. WithCapability also reads
// the indicator's capability, so the caller can answer with the
// capability's new state (the autosave script) or show the page again on
// an error; the API leaves it off and the save reads only the target's
// head.
type AnswerSave struct {
	Target         Target
	Indicator      string
	Input          assessment.AnswerInput
	WithCapability bool
}

// SaveAnswer saves one indicator's answer: scope, policy and lock rule,
// validation, then the versioned write in one transaction. The view is
// returned whenever the indicator's capability was found (with the saved
// answer applied on success), so an error can be shown beside the field.
func (a *App) SaveAnswer(ctx context.Context, p *policy.Principal, by assessment.Actor, s AnswerSave) (*CapabilityView, assessment.Answer, error) {
	head := kinds[s.Target.Kind].head
	if sh := kinds[s.Target.Kind].saveHead; sh != nil && !s.WithCapability {
		head = func(ctx context.Context, a *App, id int64) (*Workspace, error) { // nothing of it is shown: its checks only
			return sh(ctx, a, id, s.Indicator)
		}
	}
	ws, err := a.openWith(ctx, p, s.Target, head)
	if err != nil {
		return nil, assessment.Answer{}, err
	}
	fw := ws.Detail.Framework
	ind := fw.Indicator(s.Indicator)
	if ind == nil {
		return nil, assessment.Answer{}, assessment.NotFound("indicator")
	}
	capKey := ind.Capability.Key
	if ws.Detail.Capability(capKey) == nil {
		return nil, assessment.Answer{}, ws.rules.outside(ws, s.Indicator, capKey)
	}
	v := &CapabilityView{Workspace: ws, Cap: ws.Detail.Capability(capKey)}
	if s.WithCapability {
		if v, err = a.view(ctx, p, ws, capKey); err != nil {
			return nil, assessment.Answer{}, err
		}
	}
	if err := ws.mayWrite(p, capKey); err != nil {
		return v, assessment.Answer{}, err
	}
	ans, err := s.Input.Validate(&ws.Detail.Assessment, fw, s.Indicator)
	if err != nil {
		return v, ans, err
	}
	saved, _, err := ws.rules.write(ctx, a, by, ws, []assessment.Answer{ans}, nil)
	if err != nil {
		return v, assessment.Answer{}, assessment.ExplainConflict(fw, err)
	}
	v.Cap.Apply(saved, nil)
	return v, saved[0], nil
}
