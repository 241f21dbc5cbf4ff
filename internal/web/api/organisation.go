package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

func (s *handlers) apiOrganisationList(c echo.Context) error {
	p := httpx.Principal(c)
	var ids []int64
	if !policy.CanListAllOrganisations(p) {
		ids = p.OrganisationIDs()
	}
	orgs, err := s.db.Organisations(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	out := make([]apiOrganisation, 0, len(orgs))
	for _, o := range orgs {
		out = append(out, apiOrganisationOf(o))
	}
	return c.JSON(http.StatusOK, map[string]any{"organisations": out})
}

func (s *handlers) apiOrganisationCreate(c echo.Context) error {
	var body struct {
		Name    string `json:"name"`
		Kind    string `json:"kind"`
		Country string `json:"country"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	o, err := s.web.CreateOrganisation(c, assessment.OrganisationInput{Name: body.Name, Kind: body.Kind, Country: body.Country})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiOrganisationOf(o))
}
