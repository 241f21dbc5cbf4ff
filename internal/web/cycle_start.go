package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// startCycle is the one path for starting the next cycle, from the form and
// the API: who (403), from an approved assessment (409), then the new draft
// pinned to the current framework with the same scope, read through the
// framework's mapping when the versions differ.
func (s *Server) startCycle(c echo.Context, d *assessment.Detail, title, period string) (assessment.Assessment, error) {
	if !policy.CanStartCycle(principal(c), &d.Assessment) {
		return assessment.Assessment{}, assessment.Errorf(assessment.EFORBIDDEN, "Only the organisation's owners and coordinators start a new cycle.")
	}
	if d.Assessment.Status != assessment.StatusApproved {
		return assessment.Assessment{}, assessment.Errorf(assessment.ECONFLICT, "the next cycle starts from an approved assessment; this one is %s",
			assessment.Term{ID: "WorkStatusIs_" + string(d.Assessment.Status), English: view.StatusLabels[d.Assessment.Status]})
	}
	var scope []string
	for _, k := range d.Assessment.Scope {
		if nk, ok := s.fw.MapCapability(d.Assessment.FrameworkVersion, k); ok {
			scope = append(scope, nk)
		}
	}
	if d.Assessment.National(d.Framework) {
		// A national assessment continues national: the current version's
		// enablers join even when the earlier version had none.
		for _, e := range s.fw.Enablers() {
			scope = append(scope, e.Key)
		}
	}
	if len(scope) == 0 {
		return assessment.Assessment{}, assessment.Errorf(assessment.ECONFLICT, "no capability of this assessment has a counterpart in framework version %s", s.fw.Version)
	}
	in := assessment.AssessmentInput{OrganisationID: d.Assessment.OrganisationID, Title: title, Period: period, Scope: scope}
	a, err := in.Validate(s.fw)
	if err != nil {
		return a, err
	}
	return s.db.StartNextCycle(c.Request().Context(), actor(c), s.fw, d.Assessment.ID, a)
}

// cycleStart takes the next-cycle form.
func (s *Server) cycleStart(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	title, period := c.FormValue("title"), c.FormValue("period")
	a, err := s.startCycle(c, d, title, period)
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
