package web

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// assignmentSave assigns a capability to a contributor of the organisation,
// or takes it back (action=assign or unassign), from the overview page.
func (s *Server) assignmentSave(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	if !policy.CanAssign(principal(c), &d.Assessment) {
		return assessment.Errorf(assessment.EFORBIDDEN, "Only the organisation's owners and coordinators assign capabilities.")
	}
	cd, err := capabilityIn(d, c.FormValue("capability"))
	if err != nil {
		return err
	}
	action := c.FormValue("action")
	if action != "assign" && action != "unassign" {
		return assessment.FieldError("action", "must be assign or unassign")
	}
	uid, _ := strconv.ParseInt(c.FormValue("user"), 10, 64)
	ctx := c.Request().Context()
	members, err := s.db.Members(ctx, d.Assessment.OrganisationID)
	if err != nil {
		return err
	}
	var target *assessment.Membership
	for i, m := range members {
		if m.UserID == uid {
			target = &members[i]
		}
	}
	if action == "assign" && (target == nil || !policy.CanBeAssigned(target.Role)) {
		return assessment.FieldError("user", "choose a contributor of this organisation")
	}
	if action == "unassign" {
		current, err := s.db.Assignments(ctx, d.Assessment.ID)
		if err != nil {
			return err
		}
		if !slices.Contains(current[cd.Capability.Key], uid) {
			return assessment.FieldError("user", "is not assigned to this capability")
		}
	}
	if err := s.db.SetAssignment(ctx, actor(c), d.Assessment.ID, cd.Capability.Key, uid, action == "assign"); err != nil {
		return err
	}
	if action == "assign" {
		flash(c, s.translator(c).T("WorkAssignedFlash"))
	} else {
		flash(c, s.translator(c).T("WorkUnassignedFlash"))
	}
	return c.Redirect(http.StatusSeeOther, links.Assessment(d.Assessment.ID)+"#cap-"+cd.Capability.Key)
}
