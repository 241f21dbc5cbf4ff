package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// transition is the one path for workflow steps, from the review page and
// the API (app.Transition).
func (s *Server) transition(c echo.Context, d *assessment.Detail, in assessment.TransitionInput) (assessment.Assessment, error) {
	return s.app.Transition(c.Request().Context(), principal(c), actor(c), &d.Assessment, in)
}

// What the review page says after each step is the message
// ReviewDone_<action> (work.*.json); a step's button is ReviewAction_<action>.

// transitionSubmit takes a workflow button from the review page. Bad input
// and out-of-order steps come back on the review page with the reason.
func (s *Server) transitionSubmit(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	in := assessment.TransitionInput{Action: c.FormValue("action"), Text: c.FormValue("text")}
	if step, err := s.approvalNeedsConfirm(c, d, strings.TrimSpace(in.Action)); err != nil || step != nil {
		if err != nil {
			return err
		}
		return s.renderApproveConfirm(c, d, step, in.Text)
	}
	if _, err := s.transition(c, d, in); err != nil {
		if de, ok := assessment.AsError(err); ok && (de.Code == assessment.EINVALID || de.Code == assessment.ECONFLICT) {
			return s.renderReview(c, statusOf[de.Code], d, de, in.Text)
		}
		return err
	}
	flash(c, s.translator(c).T("ReviewDone_"+strings.TrimSpace(in.Action)))
	return c.Redirect(http.StatusSeeOther, links.Review(d.Assessment.ID))
}
