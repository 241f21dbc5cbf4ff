package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

type assessmentShowData struct {
	Detail  *assessment.Detail
	CanEdit bool
	// Assignments: who answers which capability (key → users), the
	// contributors one may assign, and the keys assigned to the viewer.
	CanAssign    bool
	Assigned     map[string][]assessment.User
	Contributors []assessment.User
	Mine         map[string]bool
	Cycle        assessmentCycle // review status, carried-forward answers, cycles
	Next         nextSteps       // the "what to do next" panel
}

// assessmentShow is the overview: domains and capabilities with completion
// bars and the phases so far.
func (s *Server) assessmentShow(c echo.Context) error {
	id, err := paramID(c, "id", "assessment")
	if err != nil {
		return err
	}
	d, err := s.app.Overview(c.Request().Context(), principal(c), id)
	if err != nil {
		return err
	}
	logOrganisation(c, d.Assessment.OrganisationID)
	p := principal(c)
	data := assessmentShowData{Detail: d, CanEdit: policy.CanCreateAssessment(p, d.Assessment.OrganisationID),
		CanAssign: policy.CanAssign(p, &d.Assessment)}
	if err := s.loadAssignments(c, d, &data); err != nil {
		return err
	}
	if data.Cycle, err = s.assessmentCycleInfo(c, d); err != nil {
		return err
	}
	if data.Next, err = s.nextStepsOf(c, d, data.Cycle); err != nil {
		return err
	}
	return s.render(c, "assessment_show", pageData{Title: d.Assessment.Title, Data: data})
}

// contributors are the members who may be assigned capabilities, in the
// order of users (by name).
func contributors(members []assessment.Membership, users []assessment.User) []assessment.User {
	var out []assessment.User
	for _, u := range users {
		for _, m := range members {
			if m.UserID == u.ID && policy.CanBeAssigned(m.Role) {
				out = append(out, u)
			}
		}
	}
	return out
}

// loadAssignments fills in who is assigned to what on the overview.
func (s *Server) loadAssignments(c echo.Context, d *assessment.Detail, data *assessmentShowData) error {
	ctx := c.Request().Context()
	byCap, err := s.db.Assignments(ctx, d.Assessment.ID)
	if err != nil {
		return err
	}
	members, err := s.db.Members(ctx, d.Assessment.OrganisationID)
	if err != nil {
		return err
	}
	ids := []int64{}
	for _, m := range members {
		ids = append(ids, m.UserID)
	}
	users, err := s.db.Users(ctx, ids)
	if err != nil {
		return err
	}
	byID := map[int64]assessment.User{}
	for _, u := range users {
		byID[u.ID] = u
	}
	data.Contributors = contributors(members, users)
	data.Assigned, data.Mine = map[string][]assessment.User{}, map[string]bool{}
	p := principal(c)
	for key, uids := range byCap {
		for _, id := range uids {
			if u, ok := byID[id]; ok {
				data.Assigned[key] = append(data.Assigned[key], u)
			}
		}
		data.Mine[key] = policy.IsAssigned(p, &d.Assessment, key)
	}
	return nil
}
