package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// orgAssessments groups one organisation's assessments for the home page.
type orgAssessments struct {
	Organisation assessment.Organisation
	Role         assessment.Role
	Assessments  []assessment.Assessment
	CanCreate    bool
}

// home lists the user's organisations and their assessments.
func (s *Server) home(c echo.Context) error {
	ctx := c.Request().Context()
	p := principal(c)
	orgs, err := s.db.Organisations(ctx, p.OrganisationIDs())
	if err != nil {
		return err
	}
	list, err := s.db.Assessments(ctx, p.OrganisationIDs())
	if err != nil {
		return err
	}
	var groups []orgAssessments
	for _, o := range orgs {
		role, _ := p.Role(o.ID)
		g := orgAssessments{Organisation: o, Role: role, CanCreate: policy.CanCreateAssessment(p, o.ID)}
		for _, a := range list {
			if a.OrganisationID == o.ID {
				g.Assessments = append(g.Assessments, a)
			}
		}
		groups = append(groups, g)
	}
	tasks, err := s.myTasks(c, list)
	if err != nil {
		return err
	}
	shared, err := s.sharedReports(c)
	if err != nil {
		return err
	}
	return s.render(c, "home", pageData{Title: s.translator(c).T("HomeTitle"), Data: homePage{Groups: groups, Tasks: tasks, Shared: shared}})
}
