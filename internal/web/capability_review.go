package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// capabilityReview is the capability page's part of the workflow: the
// answers still carried forward from the previous cycle, and the review
// threads on this capability.
type capabilityReview struct {
	Carried    map[string]bool // indicator key → carried forward, not confirmed
	Count      int
	CanConfirm bool
	Comments   commentPanel
}

func (s *Server) capabilityReview(c echo.Context, d *assessment.Detail, cd *assessment.CapabilityDetail) (capabilityReview, error) {
	r := capabilityReview{Carried: map[string]bool{},
		CanConfirm: policy.CanConfirmCarried(principal(c), &d.Assessment, cd.Capability.Key) && d.Assessment.Status != assessment.StatusApproved}
	for k, a := range cd.Answers {
		if a.CarriedForward {
			r.Carried[k] = true
			r.Count++
		}
	}
	threads, err := s.threadsOf(c, d.Assessment.ID)
	if err != nil {
		return r, err
	}
	r.Comments = newCommentPanel(c, &d.Assessment, threads, cd.Capability.Key, s.translator(c).T("CapReviewComments"), "capability")
	return r, nil
}
