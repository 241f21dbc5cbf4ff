package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Kind is what a target is: an organisation's own assessment, or an
// agency's contribution to another organisation's assessment.
type Kind int

// The kinds of target.
const (
	KindAssessment Kind = iota
	KindContribution
)

// Target names the questionnaire being answered. Both kinds go through the
// same use cases; what differs between them is the data in kinds.
type Target struct {
	Kind Kind
	ID   int64
}

// AssessmentTarget is an assessment's own questionnaire.
func AssessmentTarget(id int64) Target { return Target{Kind: KindAssessment, ID: id} }

// ContributionTarget is an agency's contribution.
func ContributionTarget(id int64) Target { return Target{Kind: KindContribution, ID: id} }

// rules are the differences between the kinds: how the target is read,
// who sees and edits it, when it is closed, what is outside its scope,
// whether it carries the phase judgement, and where answers are written.
type rules struct {
	head     func(ctx context.Context, a *App, id int64) (*Workspace, error)
	saveHead func(ctx context.Context, a *App, id int64, indicator string) (*Workspace, error) // head for an indicator's save; nil: head
	answers  func(ctx context.Context, a *App, ws *Workspace, capabilityKey string) error
	visible  func(p *policy.Principal, ws *Workspace) bool
	refusal  func(p *policy.Principal, ws *Workspace, capabilityKey string) error // nil: may edit
	closed   func(ws *Workspace) error                                            // nil: open
	outside  func(ws *Workspace, key, capabilityKey string) error                 // an indicator out of scope
	unknown  func(ws *Workspace, capabilityKey string) error                      // a capability not in scope
	write    func(ctx context.Context, a *App, by assessment.Actor, ws *Workspace, answers []assessment.Answer, st *assessment.CapabilityState) ([]assessment.Answer, *assessment.CapabilityState, error)
	notFound string
	judges   bool
}

var kinds = map[Kind]rules{KindAssessment: assessmentRules, KindContribution: contributionRules}
