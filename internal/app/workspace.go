package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Workspace is a target read for answering: its Detail is scoped to the
// target (for a contribution, the capabilities the agency was asked about)
// and holds the answers of at most the one capability loaded, never the
// whole assessment's.
type Workspace struct {
	Target       Target
	Detail       *assessment.Detail
	Contribution *assessment.ContributionDetail // nil for an assessment
	rules        rules
}

// CapabilityView is one capability of a target, as its page shows it.
type CapabilityView struct {
	*Workspace
	Cap        *assessment.CapabilityDetail
	Prev, Next *assessment.CapabilityDetail
	Position   int   // 1-based, among the capabilities (or the enablers) in scope
	Total      int   // how many capabilities (or enablers) are in scope
	MayEdit    bool  // the policy lets the principal change it
	Closed     error // why nobody can change it now (the lock rule); nil when open
}

// open reads the target's head and hides it from whoever may not see it.
func (a *App) open(ctx context.Context, p *policy.Principal, t Target) (*Workspace, error) {
	return a.openWith(ctx, p, t, kinds[t.Kind].head)
}

// openWith is open with the given way of reading the head.
func (a *App) openWith(ctx context.Context, p *policy.Principal, t Target, head func(context.Context, *App, int64) (*Workspace, error)) (*Workspace, error) {
	r := kinds[t.Kind]
	ws, err := head(ctx, a, t.ID)
	if err != nil {
		return nil, err
	}
	ws.Target, ws.rules = t, r
	if !r.visible(p, ws) {
		return nil, assessment.NotFound(r.notFound)
	}
	return ws, nil
}

// mayWrite is the policy, then the lock rule, for one capability.
func (ws *Workspace) mayWrite(p *policy.Principal, capabilityKey string) error {
	if err := ws.rules.refusal(p, ws, capabilityKey); err != nil {
		return err
	}
	return ws.rules.closed(ws)
}

// view loads one capability's answers and places it among its neighbours.
func (a *App) view(ctx context.Context, p *policy.Principal, ws *Workspace, key string) (*CapabilityView, error) {
	if ws.Detail.Capability(key) == nil {
		return nil, ws.rules.unknown(ws, key)
	}
	if err := ws.rules.answers(ctx, a, ws, key); err != nil {
		return nil, err
	}
	v := &CapabilityView{Workspace: ws, Cap: ws.Detail.Capability(key),
		MayEdit: ws.rules.refusal(p, ws, key) == nil, Closed: ws.rules.closed(ws)}
	v.Prev, v.Next = ws.Detail.Neighbours(key)
	v.Position, v.Total = ws.Detail.Position(v.Cap)
	return v, nil
}

// LoadCapability reads one capability of a target to answer it: the
// target's head, that capability's answers and judgement, and what the
// principal may do with them.
func (a *App) LoadCapability(ctx context.Context, p *policy.Principal, t Target, key string) (*CapabilityView, error) {
	ws, err := a.open(ctx, p, t)
	if err != nil {
		return nil, err
	}
	return a.view(ctx, p, ws, key)
}
