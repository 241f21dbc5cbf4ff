package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

type assessmentNewData struct {
	Organisations []assessment.Organisation
	Framework     *framework.Framework
	Form          assessment.AssessmentInput
	Chosen        map[string]bool
	National      bool
}

// assessmentNew shows the form to start an assessment in an organisation
// where the user is owner or coordinator.
func (s *Server) assessmentNew(c echo.Context) error {
	in := assessment.AssessmentInput{}
	if id, err := paramQueryID(c, "organisation"); err == nil {
		in.OrganisationID = id
	}
	return s.renderAssessmentNew(c, 200, nil, in, true)
}

func (s *Server) renderAssessmentNew(c echo.Context, status int, formErr *assessment.Error, in assessment.AssessmentInput, national bool) error {
	p := principal(c)
	orgs, err := s.db.Organisations(c.Request().Context(), p.OrganisationIDs())
	if err != nil {
		return err
	}
	var allowed []assessment.Organisation
	for _, o := range orgs {
		if policy.CanCreateAssessment(p, o.ID) {
			allowed = append(allowed, o)
		}
	}
	if len(allowed) == 0 {
		return assessment.Errorf(assessment.EFORBIDDEN, "You need the owner or coordinator role in an organisation to start an assessment.")
	}
	chosen := map[string]bool{}
	for _, k := range in.Scope {
		chosen[k] = true
	}
	return s.renderStatus(c, status, "assessment_new", pageData{Title: s.translator(c).T("NewTitle"), Error: formErr,
		Data: assessmentNewData{Organisations: allowed, Framework: s.fw, Form: in, Chosen: chosen, National: national}})
}
