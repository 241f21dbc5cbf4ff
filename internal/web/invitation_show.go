package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

type invitationData struct {
	Token        string
	Invitation   assessment.Invitation
	Organisation assessment.Organisation
	HasAccount   bool // the invited email has an account: sign in, then accept
	WrongAccount bool // signed in as someone else
	Form         assessment.ProfileInput
}

// invitationShow is the public page an invitation link opens: a button to
// accept, a sign-in prompt, or the form to create the account.
func (s *Server) invitationShow(c echo.Context) error {
	d, err := s.loadInvitation(c)
	if err != nil {
		return err
	}
	d.Form = assessment.ProfileInput{Lang: s.translator(c).Lang.Code} // the language the page is read in
	return s.renderInvitation(c, http.StatusOK, nil, d)
}

// loadInvitation finds the pending invitation named by :token. Unknown links
// count against the address's limit, to slow down guessing.
func (s *Server) loadInvitation(c echo.Context) (invitationData, error) {
	att, err := s.rates.count(c, limitLinkGuess.of(c.RealIP()))
	if err != nil {
		return invitationData{}, err
	}
	ctx := c.Request().Context()
	inv, err := s.db.PendingInvitation(ctx, auth.HashToken(c.Param("token")))
	if err != nil {
		return invitationData{}, err
	}
	att.refund() // only unknown links count
	d := invitationData{Token: c.Param("token"), Invitation: inv}
	if d.Organisation, err = s.db.Organisation(ctx, inv.OrganisationID); err != nil {
		return d, err
	}
	if p := principal(c); p != nil {
		d.WrongAccount = !policy.CanAcceptInvitation(p, inv.Email)
		return d, nil
	}
	_, err = s.db.UserByEmail(ctx, inv.Email)
	switch assessment.ErrorCode(err) {
	case "":
		d.HasAccount = true
	case assessment.ENOTFOUND:
	default:
		return d, err
	}
	return d, nil
}

func (s *Server) renderInvitation(c echo.Context, status int, formErr *assessment.Error, d invitationData) error {
	return s.renderStatus(c, status, "invitation", pageData{Title: s.translator(c).T("InviteTitle", "Org", d.Organisation.Name), Error: formErr, Data: d})
}
