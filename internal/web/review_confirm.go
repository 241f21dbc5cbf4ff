package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// approveConfirm is the review page's confirmation step before approving
// an assessment that still has open comment threads or carried-forward
// answers nobody confirmed: approving locks it, so the reviewer sees what
// is left and approves again on purpose.
type approveConfirm struct {
	Open, Carried int
}

// approvalNeedsConfirm returns the step to show, or nil when the approval
// may go ahead (confirmed, nothing open, or a step the workflow will
// refuse with its own reason anyway).
func (s *Server) approvalNeedsConfirm(c echo.Context, d *assessment.Detail, action string) (*approveConfirm, error) {
	a := &d.Assessment
	if assessment.Action(action) != assessment.ActionApprove || confirmed(c) || a.Status != assessment.StatusInReview ||
		!policy.CanTransition(principal(c), a, assessment.ActionApprove) {
		return nil, nil
	}
	list, err := s.db.Comments(c.Request().Context(), a.ID)
	if err != nil {
		return nil, err
	}
	step := approveConfirm{Open: openThreads(list), Carried: carriedCount(d)}
	if step.Open+step.Carried == 0 {
		return nil, nil
	}
	return &step, nil
}

// renderApproveConfirm shows the review page with the confirmation step.
func (s *Server) renderApproveConfirm(c echo.Context, d *assessment.Detail, step *approveConfirm, text string) error {
	return s.renderReviewWith(c, http.StatusOK, d, nil, text, step)
}

// openThreads counts the threads (first comments) not yet resolved.
func openThreads(list []assessment.Comment) int {
	n := 0
	for _, cm := range list {
		if cm.ParentID == nil && !cm.Resolved() {
			n++
		}
	}
	return n
}
