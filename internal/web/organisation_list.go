package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

type organisationsData struct {
	Organisations []assessment.Organisation
	CanCreate     bool
	Form          assessment.OrganisationInput
}

// organisationList shows the organisations the user may see; administrators
// see all and get the form to add one.
func (s *Server) organisationList(c echo.Context) error {
	return s.renderOrganisations(c, 200, nil, assessment.OrganisationInput{})
}

func (s *Server) renderOrganisations(c echo.Context, status int, formErr *assessment.Error, form assessment.OrganisationInput) error {
	p := principal(c)
	orgs, err := s.app.Organisations(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return s.renderStatus(c, status, "organisations", pageData{Title: s.translator(c).T("OrgTitle"), Error: formErr,
		Data: organisationsData{Organisations: orgs, CanCreate: policy.CanCreateOrganisation(p), Form: form}})
}
