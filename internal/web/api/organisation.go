package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

func (s *handlers) apiOrganisationList(c echo.Context) error {
	orgs, err := s.app.Organisations(c.Request().Context(), httpx.Principal(c))
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
	in := assessment.OrganisationInput{Name: body.Name, Kind: body.Kind, Country: body.Country}
	o, err := s.app.CreateOrganisation(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiOrganisationOf(o))
}
