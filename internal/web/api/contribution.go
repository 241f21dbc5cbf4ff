package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiContributionList: the assessment's contributions, for its owners,
// coordinators and reviewers.
func (s *handlers) apiContributionList(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	out := make([]apiContribution, 0, len(v.Contributions))
	for _, cn := range v.Contributions {
		out = append(out, apiContributionOf(cn))
	}
	return c.JSON(http.StatusOK, map[string]any{"contributions": out})
}

// apiContributionCreate: POST {"organisation_id","capabilities":[…],"due_date":"YYYY-MM-DD"}.
func (s *handlers) apiContributionCreate(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	var body struct {
		OrganisationID int64    `json:"organisation_id"`
		Capabilities   []string `json:"capabilities"`
		DueDate        string   `json:"due_date"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	in := assessment.ContributionInput{OrganisationID: body.OrganisationID, Capabilities: body.Capabilities, DueDate: body.DueDate}
	cn, err := s.app.InviteAgency(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), d, in, s.now())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiContributionOf(cn))
}

// apiContributionShow: the contribution with its completion and answers.
func (s *handlers) apiContributionShow(c echo.Context) error {
	cd, err := httpx.Contribution(c, s.app)
	if err != nil {
		return err
	}
	out := apiContributionDetailOf(cd)
	files, err := s.indicatorFiles(c, cd.National.ID, cd.Contribution.ID)
	if err != nil {
		return err
	}
	for i := range out.Answers {
		files.fill(&out.Answers[i].apiIndicator)
	}
	return c.JSON(http.StatusOK, out)
}

// apiContributionSubmit: POST with no body; 409 while indicators are
// unanswered or once submitted.
func (s *handlers) apiContributionSubmit(c echo.Context) error {
	cd, err := httpx.Contribution(c, s.app)
	if err != nil {
		return err
	}
	if err := s.app.SubmitContribution(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), &cd.Contribution); err != nil {
		return err
	}
	cn, err := s.db.Contribution(c.Request().Context(), cd.Contribution.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiContributionOf(cn))
}
