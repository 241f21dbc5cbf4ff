package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// createOrganisation is shared by the HTML form and the API.
func (s *Server) createOrganisation(c echo.Context, in assessment.OrganisationInput) (assessment.Organisation, error) {
	return s.app.CreateOrganisation(c.Request().Context(), principal(c), actor(c), in)
}

func (s *Server) organisationCreate(c echo.Context) error {
	in := assessment.OrganisationInput{Name: c.FormValue("name"), Kind: c.FormValue("kind"), Country: c.FormValue("country")}
	o, err := s.createOrganisation(c, in)
	if de, ok := assessment.AsError(err); ok && de.Code == assessment.EINVALID {
		return s.renderOrganisations(c, http.StatusUnprocessableEntity, de, in)
	}
	if err != nil {
		return err
	}
	flash(c, s.translator(c).T("OrgAdded", "Name", o.Name))
	return c.Redirect(http.StatusSeeOther, "/organisations")
}
