package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// contributionsPage lists the agencies asked into an assessment and, for
// its coordinators, the form to ask another.
type contributionsPage struct {
	Detail        *assessment.Detail
	Contributions []contributionLine
	CanInvite     bool
	Agencies      []assessment.Organisation // same country, not asked yet
	Form          contributionForm
}

// contributionLine is one contribution with how far its agency got.
type contributionLine struct {
	assessment.Contribution
	Completion assessment.Completion
	Overdue    bool
}

// contributionForm keeps what the coordinator chose when the page comes
// back with an error.
type contributionForm struct {
	OrganisationID int64
	Capabilities   map[string]bool
	DueDate        string
}

func (s *Server) contributionList(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d, list, answers := v.Detail, v.Contributions, v.Answers
	return s.renderContributions(c, http.StatusOK, d, list, answers, contributionForm{}, nil)
}

func (s *Server) renderContributions(c echo.Context, status int, d *assessment.Detail, list []assessment.Contribution,
	answers map[int64]map[string]assessment.Answer, form contributionForm, formErr *assessment.Error) error {
	page := contributionsPage{Detail: d, CanInvite: policy.CanInviteAgency(principal(c), &d.Assessment) && d.Assessment.Status != assessment.StatusApproved, Form: form}
	asked := map[int64]bool{d.Organisation.ID: true}
	now := s.cfg.Now()
	for _, cn := range list {
		asked[cn.OrganisationID] = true
		line := contributionLine{Contribution: cn, Overdue: cn.Overdue(now)}
		for _, a := range answers[cn.ID] {
			line.Completion.Total++
			if a.Value != assessment.Unanswered {
				line.Completion.Answered++
			}
		}
		page.Contributions = append(page.Contributions, line)
	}
	if page.CanInvite {
		orgs, err := s.db.Organisations(c.Request().Context(), nil)
		if err != nil {
			return err
		}
		for _, o := range orgs {
			if o.Country == d.Organisation.Country && !asked[o.ID] {
				page.Agencies = append(page.Agencies, o)
			}
		}
	}
	title := s.translator(c).T("ContribListTitle", "Title", d.Assessment.Title)
	return s.renderStatus(c, status, "contributions", pageData{Title: title, Error: formErr, Data: page})
}
