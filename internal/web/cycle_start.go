package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// cycleStart takes the next-cycle form.
func (s *Server) cycleStart(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	title, period := c.FormValue("title"), c.FormValue("period")
	a, err := s.app.StartCycle(c.Request().Context(), principal(c), actor(c), s.fw, d, title, period)
	if err != nil {
		if de, ok := assessment.AsError(err); ok && (de.Code == assessment.EINVALID || de.Code == assessment.ECONFLICT) {
			return s.renderCycleNew(c, statusOf[de.Code], d, title, period, de)
		}
		return err
	}
	tr := s.translator(c)
	flash(c, tr.T("CycleStarted", "Badge", tr.T("WorkCarriedBadge")))
	return c.Redirect(http.StatusSeeOther, links.Assessment(a.ID))
}

// cycleNew shows the form, suggesting the same title and the next period.
func (s *Server) cycleNew(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	if !policy.CanStartCycle(principal(c), &d.Assessment) {
		return assessment.Errorf(assessment.EFORBIDDEN, "Only the organisation's owners and coordinators start a new cycle.")
	}
	period := ""
	if y, err := strconv.Atoi(d.Assessment.Period); err == nil {
		period = strconv.Itoa(y + 1)
	}
	return s.renderCycleNew(c, http.StatusOK, d, d.Assessment.Title, period, nil)
}

type cycleNewPage struct {
	Detail         *assessment.Detail
	Title, Period  string
	CurrentVersion string
}

func (s *Server) renderCycleNew(c echo.Context, status int, d *assessment.Detail, title, period string, formErr *assessment.Error) error {
	return s.renderStatus(c, status, "cycle_new", pageData{Title: s.translator(c).T("CycleStart"), Error: formErr,
		Data: cycleNewPage{Detail: d, Title: title, Period: period, CurrentVersion: s.fw.Version}})
}
