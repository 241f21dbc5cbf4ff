package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// assignmentSave assigns a capability to a contributor of the organisation,
// or takes it back (action=assign or unassign), from the overview page.
func (s *Server) assignmentSave(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	uid, _ := strconv.ParseInt(c.FormValue("user"), 10, 64)
	in := app.AssignmentInput{Capability: c.FormValue("capability"), Action: c.FormValue("action"), UserID: uid}
	cd, assigned, err := s.app.Assign(c.Request().Context(), principal(c), actor(c), d, in)
	if err != nil {
		return err
	}
	if assigned {
		flash(c, s.translator(c).T("WorkAssignedFlash"))
	} else {
		flash(c, s.translator(c).T("WorkUnassignedFlash"))
	}
	return c.Redirect(http.StatusSeeOther, links.Assessment(d.Assessment.ID)+"#cap-"+cd.Capability.Key)
}
