package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// assessmentCycle is the overview's workflow panel: where the review
// stands, what is still carried forward, and the links to the review page,
// the previous and next cycles, progress and sharing.
type assessmentCycle struct {
	Carried       int
	CarriedByCap  map[string]int
	OpenComments  int
	Previous      *assessment.Assessment
	CanStartCycle bool
	CanShare      bool
}

func (s *Server) assessmentCycleInfo(c echo.Context, d *assessment.Detail) (assessmentCycle, error) {
	p := principal(c)
	a := &d.Assessment
	info := assessmentCycle{CarriedByCap: map[string]int{},
		CanStartCycle: a.Status == assessment.StatusApproved && policy.CanStartCycle(p, a),
		CanShare:      policy.CanManageSharing(p, a.OrganisationID)}
	for _, cd := range assessables(d) { // enablers' carried answers too
		if n := carriedIn(cd); n > 0 {
			info.CarriedByCap[cd.Capability.Key] = n
			info.Carried += n
		}
	}
	ctx := c.Request().Context()
	var err error
	if info.OpenComments, err = s.db.OpenThreads(ctx, a.ID); err != nil {
		return info, err
	}
	if prev, ok, err := s.db.PreviousAssessment(ctx, *a); err != nil {
		return info, err
	} else if ok {
		info.Previous = &prev
	}
	return info, nil
}
