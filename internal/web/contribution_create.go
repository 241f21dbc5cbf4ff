package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// inviteAgency is the one path for asking an agency into an assessment,
// for the page and the API (app.InviteAgency).
func (s *Server) inviteAgency(c echo.Context, d *assessment.Detail, in assessment.ContributionInput) (assessment.Contribution, error) {
	return s.app.InviteAgency(c.Request().Context(), principal(c), actor(c), d, in, s.cfg.Now())
}

// contributionCreate takes the invitation form.
func (s *Server) contributionCreate(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d, list, answers := v.Detail, v.Contributions, v.Answers
	form, err := c.FormParams()
	if err != nil {
		return assessment.FieldError("form", "could not read the form")
	}
	orgID, _ := strconv.ParseInt(form.Get("organisation_id"), 10, 64)
	in := assessment.ContributionInput{OrganisationID: orgID, Capabilities: form["capabilities"], DueDate: form.Get("due_date")}
	cn, err := s.inviteAgency(c, d, in)
	if err != nil {
		if de, ok := assessment.AsError(err); ok && de.Code == assessment.EINVALID {
			f := contributionForm{OrganisationID: orgID, Capabilities: map[string]bool{}, DueDate: in.DueDate}
			for _, k := range in.Capabilities {
				f.Capabilities[k] = true
			}
			return s.renderContributions(c, statusOf[de.Code], d, list, answers, f, de)
		}
		return err
	}
	flash(c, s.translator(c).T("ContribFlashAsked", "Agency", cn.Agency.Name))
	return c.Redirect(http.StatusSeeOther, links.Contributions(d.Assessment.ID))
}
