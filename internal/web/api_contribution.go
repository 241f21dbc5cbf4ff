package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// apiContributionList: the assessment's contributions, for its owners,
// coordinators and reviewers.
func (s *Server) apiContributionList(c echo.Context) error {
	_, list, _, err := s.loadConsolidation(c)
	if err != nil {
		return err
	}
	out := make([]apiContribution, 0, len(list))
	for _, cn := range list {
		out = append(out, apiContributionOf(cn))
	}
	return c.JSON(http.StatusOK, map[string]any{"contributions": out})
}

// apiContributionCreate: POST {"organisation_id","capabilities":[…],"due_date":"YYYY-MM-DD"}.
func (s *Server) apiContributionCreate(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	var body struct {
		OrganisationID int64    `json:"organisation_id"`
		Capabilities   []string `json:"capabilities"`
		DueDate        string   `json:"due_date"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	cn, err := s.inviteAgency(c, d, assessment.ContributionInput{OrganisationID: body.OrganisationID, Capabilities: body.Capabilities, DueDate: body.DueDate})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiContributionOf(cn))
}

// apiContributionShow: the contribution with its completion and answers.
func (s *Server) apiContributionShow(c echo.Context) error {
	cd, err := s.loadContribution(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiContributionDetailOf(cd))
}

// apiContributionSubmit: POST with no body; 409 while indicators are
// unanswered or once submitted.
func (s *Server) apiContributionSubmit(c echo.Context) error {
	cd, err := s.loadContribution(c)
	if err != nil {
		return err
	}
	if err := s.submitContribution(c, cd); err != nil {
		return err
	}
	cn, err := s.db.Contribution(c.Request().Context(), cd.Contribution.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiContributionOf(cn))
}
