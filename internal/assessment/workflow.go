package assessment

import (
	"strings"
)

// Action is a step of the review workflow.
type Action string

// Workflow actions.
const (
	ActionSubmit  Action = "submit"
	ActionApprove Action = "approve"
	ActionReturn  Action = "return"
	ActionReopen  Action = "reopen"
)

// MaxComment is the longest comment, return comment or reopen reason.
const MaxComment = 4000

// Transition is one allowed move between statuses: who may make it and
// which text, if any, must come with it ("comment" or "reason", which is
// also the field name errors point at).
type Transition struct {
	Action Action
	From   Status
	To     Status
	Roles  []Role
	Text   string
	Label  string
}

// Transitions is the whole workflow: draft → in review → approved (locked),
// or back to draft with comments; an approved assessment changes only after
// a formal reopen with a reason.
var Transitions = []Transition{
	{ActionSubmit, StatusDraft, StatusInReview, []Role{RoleOwner, RoleCoordinator}, "", "Submit for review"},
	{ActionApprove, StatusInReview, StatusApproved, []Role{RoleReviewer, RoleOwner}, "", "Approve"},
	{ActionReturn, StatusInReview, StatusDraft, []Role{RoleReviewer, RoleOwner}, "comment", "Return with comments"},
	{ActionReopen, StatusApproved, StatusDraft, []Role{RoleOwner, RoleCoordinator}, "reason", "Reopen"},
}

// TransitionFor returns the transition an action makes.
func TransitionFor(a Action) (Transition, bool) {
	for _, t := range Transitions {
		if t.Action == a {
			return t, true
		}
	}
	return Transition{}, false
}

// Available lists the transitions possible from a status, in table order.
func Available(from Status) []Transition {
	var out []Transition
	for _, t := range Transitions {
		if t.From == from {
			out = append(out, t)
		}
	}
	return out
}

// NextStatus checks that action may follow from the current status. An
// unknown action is bad input; a known one out of order is a conflict whose
// message says what must happen first.
func NextStatus(from Status, action Action) (Transition, error) {
	t, ok := TransitionFor(action)
	if !ok {
		return Transition{}, FieldError("action", "must be one of submit, approve, return, reopen")
	}
	if t.From != from {
		return t, outOfOrder(action, from)
	}
	return t, nil
}

// outOfOrder says why an action cannot follow from the current status and
// what must hold first. One whole sentence per action, so pages can show it
// translated; the current status is a Term (message id WorkStatusIs_<status>).
func outOfOrder(action Action, from Status) *Error {
	is := Term{ID: "WorkStatusIs_" + string(from), English: statusWords[from]}
	switch action {
	case ActionSubmit:
		return Errorf(ECONFLICT, "cannot submit this assessment: it is %s, and only an assessment that is a draft can be submitted", is)
	case ActionApprove:
		return Errorf(ECONFLICT, "cannot approve this assessment: it is %s, and only an assessment that is in review can be approved", is)
	case ActionReturn:
		return Errorf(ECONFLICT, "cannot return this assessment: it is %s, and only an assessment that is in review can be returned", is)
	}
	return Errorf(ECONFLICT, "cannot reopen this assessment: it is %s, and only an assessment that is approved can be reopened", is)
}

// TransitionInput is a request to move an assessment along the workflow.
type TransitionInput struct {
	Action string
	Text   string // the return comment or the reopen reason
}

// Validate checks the action and the text it needs; the order of statuses
// is checked against the stored status by NextStatus.
func (in *TransitionInput) Validate() (Transition, error) {
	in.Action = strings.TrimSpace(in.Action)
	in.Text = strings.TrimSpace(in.Text)
	t, ok := TransitionFor(Action(in.Action))
	if !ok {
		return t, FieldError("action", "must be one of submit, approve, return, reopen")
	}
	if t.Text != "" {
		return t, requiredText(t.Text, in.Text, MaxComment)
	}
	return t, optionalText("comment", in.Text, MaxComment)
}

var statusWords = map[Status]string{StatusDraft: "a draft", StatusInReview: "in review", StatusApproved: "approved"}
