package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
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
// its answers, suggested and confirmed phases, and completion (0–1). The
// JSON is the same for every reader, so it is built once per data version
// and kept (assessment_kept.go); the policy is asked on every request.
func (s *handlers) apiAssessmentShow(c echo.Context) error {
	if _, pretty := c.QueryParams()["pretty"]; pretty {
		out, _, err := s.assessmentShown(c)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, out)
	}
	id, err := httpx.ParamID(c, "id", "assessment")
	if err != nil {
		return err
	}
	// Before the reads: a commit during the build makes the entry stale.
	// Unreadable, the version is "" and nothing is kept.
	version, _ := s.db.DataVersion(c.Request().Context())
	k, built, err := s.shown.obtain(c.Request().Context(), id, version, func() (*keptAssessment, error) { return s.buildAssessment(c, version) })
	if err != nil {
		return err
	}
	if !built && !policy.CanViewAssessment(httpx.Principal(c), &k.head) {
		return assessment.NotFound("assessment")
	}
	httpx.LogOrganisation(c, k.head.OrganisationID)
	return writeKept(c, k)
}

// buildAssessment builds the JSON of :id at version for a reader who may
// see it (the policy is asked by the read).
func (s *handlers) buildAssessment(c echo.Context, version string) (*keptAssessment, error) {
	out, head, err := s.assessmentShown(c)
	if err != nil {
		return nil, err
	}
	// As c.JSON writes it: json.Encoder ends the value with a newline.
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(out); err != nil {
		return nil, fmt.Errorf("encode assessment %d: %w", head.ID, err)
	}
	return &keptAssessment{version: version, head: head, gzipped: httpx.Gzip(buf.Bytes())}, nil
}

// assessmentShown reads the assessment of :id for a reader who may see it
// and puts it in the API's shape, with its current evidence files.
func (s *handlers) assessmentShown(c echo.Context) (apiAssessment, assessment.Assessment, error) {
	d, err := s.detail(c)
	if err != nil {
		return apiAssessment{}, assessment.Assessment{}, err
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
		return apiAssessment{}, assessment.Assessment{}, err
	}
	for _, caps := range [][]apiCapability{out.Capabilities, out.Enablers} {
		for i := range caps {
			for j := range caps[i].Indicators {
				files.fill(&caps[i].Indicators[j])
			}
		}
	}
	return out, d.Assessment, nil
}
