package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// actionStatus takes a status update from the plan page or from "my
// tasks" (back= says where to return: "tasks" for the home page). Bad
// input and conflicts return there with the message.
func (s *Server) actionStatus(c echo.Context) error {
	t, cur, err := s.loadAction(c)
	if err != nil {
		return err
	}
	v, _ := strconv.Atoi(c.FormValue("version"))
	in := assessment.StatusInput{Status: c.FormValue("status"), StatusNote: c.FormValue("status_note"), Version: v}
	fromPlan := c.FormValue("back") != "tasks" && policy.CanViewPlan(principal(c), &t.Assessment)
	back := links.HomeAction(cur.ID)
	if fromPlan {
		back = links.PlanAction(t.Assessment.ID, cur.ID)
	}
	tr := s.translator(c)
	if _, err := s.planStatus(c, t, cur, in); err != nil {
		de, ok := assessment.AsError(err)
		if !ok || (de.Code != assessment.EINVALID && de.Code != assessment.ECONFLICT) {
			return err
		}
		if fromPlan { // the plan again, the message beside this action's status
			return s.renderPlan(c, statusOf[de.Code], t, de, cur.ID)
		}
		flash(c, tr.T("PlanStatusNotSaved", "Title", cur.Title, "Reason", s.localizeError(c, de).Message))
		return c.Redirect(http.StatusSeeOther, back)
	}
	flash(c, tr.T("PlanStatusSaved", "Title", cur.Title))
	return c.Redirect(http.StatusSeeOther, back)
}

// actionDelete removes an action at the version shown.
func (s *Server) actionDelete(c echo.Context) error {
	t, cur, err := s.loadAction(c)
	if err != nil {
		return err
	}
	v, _ := strconv.Atoi(c.FormValue("version"))
	tr := s.translator(c)
	if err := s.planDelete(c, t, cur, v); err != nil {
		de, ok := assessment.AsError(err)
		if !ok || de.Code != assessment.ECONFLICT {
			return err
		}
		flash(c, tr.T("PlanDeleteRefused", "Title", cur.Title, "Reason", s.localizeError(c, de).Message))
		return c.Redirect(http.StatusSeeOther, links.Plan(t.Assessment.ID))
	}
	flash(c, tr.T("PlanDeleted", "Title", cur.Title))
	return c.Redirect(http.StatusSeeOther, links.Plan(t.Assessment.ID))
}
