package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

func (s *handlers) apiAssessmentList(c echo.Context) error {
	list, err := s.app.Assessments(c.Request().Context(), httpx.Principal(c))
	if err != nil {
		return err
	}
	out := make([]apiAssessment, 0, len(list))
	for _, a := range list {
		out = append(out, apiAssessmentOf(a))
	}
	return c.JSON(http.StatusOK, map[string]any{"assessments": out})
}

func (s *handlers) apiAssessmentCreate(c echo.Context) error {
	var body struct {
		OrganisationID int64    `json:"organisation_id"`
		Title          string   `json:"title"`
		Period         string   `json:"period"`
		Scope          []string `json:"scope"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	in := assessment.AssessmentInput{OrganisationID: body.OrganisationID, Title: body.Title, Period: body.Period, Scope: body.Scope}
	a, err := s.app.CreateAssessment(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), s.fw, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiAssessmentOf(a))
}

// apiAssessmentShow returns the assessment with every capability in scope,
// its answers, suggested and confirmed phases, and completion (0–1).
func (s *handlers) apiAssessmentShow(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	out := apiAssessmentOf(d.Assessment)
	org := apiOrganisationOf(d.Organisation)
	out.Organisation = &org
	r := d.Completion.Ratio()
	out.Completion = &r
	out.Scope = nil
	for _, cd := range d.Capabilities {
		out.Scope = append(out.Scope, cd.Capability.Key)
		out.Capabilities = append(out.Capabilities, apiCapabilityOf(cd))
	}
	for _, ed := range d.Enablers {
		out.Scope = append(out.Scope, ed.Capability.Key)
		out.Enablers = append(out.Enablers, apiCapabilityOf(ed))
	}
	files, err := s.indicatorFiles(c, d.Assessment.ID, 0)
	if err != nil {
		return err
	}
	for _, caps := range [][]apiCapability{out.Capabilities, out.Enablers} {
		for i := range caps {
			for j := range caps[i].Indicators {
				files.fill(&caps[i].Indicators[j])
			}
		}
	}
	return c.JSON(http.StatusOK, out)
}
