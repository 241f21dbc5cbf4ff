package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// CapabilityForm is a whole capability submitted at once: the answers it
// carries by indicator key (indicators absent are left alone) and, for a
// target that carries judgements, the phase block when present, or the
// error met reading it.
type CapabilityForm struct {
	Answers      map[string]assessment.AnswerInput
	Judgement    *assessment.CapabilityInput
	JudgementErr error
	// SkipUnchanged writes only what differs from the stored values (the
	// page's form); otherwise every value sent is written (the API).
	SkipUnchanged bool
}

// FormError is an error that belongs on the form: the page shows it beside
// the indicator named (or the phase block when Indicator is empty).
type FormError struct {
	Indicator string
	Err       error
}

func (e *FormError) Error() string { return e.Err.Error() }
func (e *FormError) Unwrap() error { return e.Err }

// SaveCapability saves what changed in one capability, answers and
// judgement, in one transaction, so the form lands whole or not at all.
// The view is returned with the saved values applied, or as read when the
// error is a FormError.
func (a *App) SaveCapability(ctx context.Context, p *policy.Principal, by assessment.Actor, t Target, key string, f CapabilityForm) (*CapabilityView, error) {
	v, err := a.LoadCapability(ctx, p, t, key)
	if err != nil {
		return nil, err
	}
	if err := v.mayWrite(p, key); err != nil {
		return nil, err
	}
	cd := v.Cap
	var changed []assessment.Answer
	values := map[string]assessment.AnswerValue{}
	for _, in := range cd.Capability.Indicators {
		cur := cd.Answer(in.Key)
		values[in.Key] = cur.Value
		input, present := f.Answers[in.Key]
		if !present {
			continue
		}
		ans, err := input.Validate(&v.Detail.Assessment, v.Detail.Framework, in.Key)
		if err != nil {
			return v, &FormError{Indicator: in.Key, Err: err}
		}
		if f.SkipUnchanged && ans.Unchanged(cur) {
			continue
		}
		values[in.Key] = ans.Value
		changed = append(changed, ans)
	}
	st, err := v.judgement(f, values)
	if err != nil {
		return v, &FormError{Err: err}
	}
	savedAnswers, savedState, err := v.rules.write(ctx, a, by, v.Workspace, changed, st)
	if err != nil {
		return v, &FormError{Err: assessment.ExplainConflict(v.Detail.Framework, err)}
	}
	cd.Apply(savedAnswers, savedState)
	return v, nil
}

// judgement validates the phase block against the suggestion the new
// answers give; nil when there is none to write.
func (v *CapabilityView) judgement(f CapabilityForm, values map[string]assessment.AnswerValue) (*assessment.CapabilityState, error) {
	if !v.rules.judges || (f.Judgement == nil && f.JudgementErr == nil) {
		return nil, nil
	}
	if f.JudgementErr != nil {
		return nil, f.JudgementErr
	}
	after := *v.Cap
	after.Suggested = assessment.SuggestedPhase(v.Cap.Capability, values)
	st, err := f.Judgement.Validate(&after)
	if err != nil {
		return nil, err
	}
	if f.SkipUnchanged && st.Unchanged(v.Cap.State) {
		return nil, nil
	}
	return &st, nil
}
