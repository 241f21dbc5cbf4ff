package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

type accountData struct {
	Profile     assessment.ProfileInput
	Memberships []accountMembership
}

type accountMembership struct {
	Organisation assessment.Organisation
	Role         assessment.Role
}

// accountShow is the profile page: name, language, password, and the
// organisations the user belongs to.
func (s *Server) accountShow(c echo.Context) error {
	u := principal(c).User
	return s.renderAccount(c, http.StatusOK, nil, assessment.ProfileInput{Name: u.Name, Lang: u.Lang})
}

// renderAccount shows the page with a form error beside its field and the
// profile input kept.
func (s *Server) renderAccount(c echo.Context, status int, formErr *assessment.Error, profile assessment.ProfileInput) error {
	p := principal(c)
	orgs, err := s.db.Organisations(c.Request().Context(), p.OrganisationIDs())
	if err != nil {
		return err
	}
	d := accountData{Profile: profile}
	for _, o := range orgs {
		r, _ := p.Role(o.ID)
		d.Memberships = append(d.Memberships, accountMembership{Organisation: o, Role: r})
	}
	return s.renderStatus(c, status, "account", pageData{Title: s.translator(c).T("AcctTitle"), Error: formErr, Data: d})
}
