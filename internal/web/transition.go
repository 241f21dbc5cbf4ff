package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// transition is the one path for workflow steps, from the review page and
// the API: input (422), role (403), then the store checks the order against
// the stored status (409) and writes status, comment, audit and
// notifications together.
func (s *Server) transition(c echo.Context, d *assessment.Detail, in assessment.TransitionInput) (assessment.Assessment, error) {
	t, err := in.Validate()
	if err != nil {
		return assessment.Assessment{}, err
	}
	if !policy.CanTransition(principal(c), &d.Assessment, t.Action) {
		return assessment.Assessment{}, policy.TransitionRefusal(t.Action)
	}
	return s.db.Transition(c.Request().Context(), actor(c), d.Assessment.ID, t.Action, in.Text)
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
