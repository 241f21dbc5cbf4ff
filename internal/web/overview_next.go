package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// nextShown caps the capabilities listed per kind of step: the rest are
// counted, and the table below the panel shows them all.
const nextShown = 5

// nextSteps is the overview's "what to do next" panel: each open piece of
// work, linked to the place where it is done.
type nextSteps struct {
	Unanswered      []capStep // capabilities with unanswered indicators
	UnansweredTotal int       // unanswered indicators in all
	UnansweredMore  int       // capabilities not listed
	Carried         []capStep // capabilities with answers carried forward, to confirm
	CarriedTotal    int
	OpenComments    int
	Due             []dueStep // contributions the agencies have not submitted
	ToConsolidate   int       // indicators agencies answered that await adoption or a decision
	Status          assessment.Status
}

// capStep is one capability with a count and the indicator to go to.
type capStep struct {
	Cap   *assessment.CapabilityDetail
	Count int
	First string // the first indicator concerned (its anchor on the page)
}

// dueStep is a contribution still with its agency.
type dueStep struct {
	assessment.Contribution
	Overdue bool
}

// Any reports whether anything remains to do.
func (n nextSteps) Any() bool {
	return n.UnansweredTotal+n.CarriedTotal+n.OpenComments+len(n.Due)+n.ToConsolidate > 0
}

// nextStepsOf gathers the open work of an assessment for the viewer: the
// contributions only for those who may see them.
func (s *Server) nextStepsOf(c echo.Context, d *assessment.Detail, cycle assessmentCycle) (nextSteps, error) {
	n := nextSteps{OpenComments: cycle.OpenComments, CarriedTotal: cycle.Carried, Status: d.Assessment.Status}
	if d.Assessment.Status == assessment.StatusApproved {
		return n, nil
	}
	for _, cd := range d.Capabilities {
		if st := unansweredIn(cd); st.Count > 0 {
			n.UnansweredTotal += st.Count
			if len(n.Unanswered) < nextShown {
				n.Unanswered = append(n.Unanswered, st)
			} else {
				n.UnansweredMore++
			}
		}
		if k := cycle.CarriedByCap[cd.Capability.Key]; k > 0 {
			n.Carried = append(n.Carried, capStep{Cap: cd, Count: k})
		}
	}
	if !policy.CanViewContributions(principal(c), &d.Assessment) {
		return n, nil
	}
	list, answers, err := s.db.ConsolidationContent(c.Request().Context(), d.Assessment.ID)
	if err != nil {
		return n, err
	}
	for i := range list {
		if list[i].Open() {
			n.Due = append(n.Due, dueStep{Contribution: list[i], Overdue: list[i].Overdue(s.cfg.Now())})
		}
	}
	if len(list) > 0 {
		for _, cd := range d.Capabilities {
			n.ToConsolidate += assessment.OpenToConsolidate(cd, list, answers)
		}
	}
	return n, nil
}

// unansweredIn counts a capability's unanswered indicators and names the
// first, in the framework's order.
func unansweredIn(cd *assessment.CapabilityDetail) capStep {
	st := capStep{Cap: cd}
	for _, ind := range cd.Capability.Indicators {
		if cd.Answer(ind.Key).Value == assessment.Unanswered {
			if st.Count == 0 {
				st.First = ind.Key
			}
			st.Count++
		}
	}
	return st
}
