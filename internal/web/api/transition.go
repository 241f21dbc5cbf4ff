package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiTransition takes {"action": "submit|approve|return|reopen",
// "comment": "…"} (return) or {"action": "reopen", "reason": "…"}.
func (s *handlers) apiTransition(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	var body struct {
		Action  string `json:"action"`
		Comment string `json:"comment"`
		Reason  string `json:"reason"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	text := body.Comment
	if body.Reason != "" {
		text = body.Reason
	}
	in := assessment.TransitionInput{Action: body.Action, Text: text}
	a, err := s.app.Transition(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), &d.Assessment, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiWorkflowOf(httpx.Principal(c), a))
}

// apiWorkflowOf reports an assessment's place in the workflow and the
// steps the caller may take from there.
func apiWorkflowOf(p *policy.Principal, a assessment.Assessment) apiWorkflow {
	out := apiWorkflow{ID: a.ID, Status: string(a.Status), SubmittedAt: a.SubmittedAt, ReturnedAt: a.ReturnedAt,
		ApprovedAt: a.ApprovedAt, ApprovedBy: a.ApprovedBy, ApprovedByName: a.ApprovedByName, PreviousID: a.PreviousID, Actions: []string{}}
	for _, t := range assessment.Available(a.Status) {
		if policy.CanTransition(p, &a, t.Action) {
			out.Actions = append(out.Actions, string(t.Action))
		}
	}
	return out
}
