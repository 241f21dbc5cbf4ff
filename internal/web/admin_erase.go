package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// eraseForm is the erasure page's form, kept when it comes back with an error.
type eraseForm struct{ Email, Confirm string }

var errEraseForbidden = assessment.Errorf(assessment.EFORBIDDEN, "only platform administrators can erase a person's data")

// adminEraseShow shows platform administrators the form that erases a
// person (the same as `mnr user erase`).
func (s *Server) adminEraseShow(c echo.Context) error {
	if !policy.CanEraseUsers(principal(c)) {
		return errEraseForbidden
	}
	return s.render(c, "admin_erase", pageData{Title: s.translator(c).T("OpsEraseTitle"), Data: eraseForm{}})
}

// adminErase erases the person with the given email, after the email is
// typed twice, and reports what was done.
func (s *Server) adminErase(c echo.Context) error {
	p := principal(c)
	if !policy.CanEraseUsers(p) {
		return errEraseForbidden
	}
	f := eraseForm{Email: strings.TrimSpace(c.FormValue("email")), Confirm: strings.TrimSpace(c.FormValue("confirm"))}
	again := func(err error) error {
		return s.renderStatus(c, http.StatusUnprocessableEntity, "admin_erase", pageData{Title: s.translator(c).T("OpsEraseTitle"), Error: asDomain(err), Data: f})
	}
	switch {
	case f.Email == "":
		return again(assessment.FieldError("email", "is required"))
	case assessment.CheckLine("email", f.Email) != nil:
		return again(assessment.CheckLine("email", f.Email))
	case !strings.EqualFold(f.Email, f.Confirm):
		return again(assessment.FieldError("confirm", "must repeat the email exactly"))
	}
	ctx := c.Request().Context()
	u, err := s.db.UserByEmail(ctx, f.Email)
	if assessment.ErrorCode(err) == assessment.ENOTFOUND {
		return again(assessment.FieldError("email", "no account has this email"))
	}
	if err != nil {
		return err
	}
	if u.ID == p.User.ID {
		return again(assessment.FieldError("email", "is your own account: another administrator, or the command line, can erase it"))
	}
	er, err := s.db.EraseUser(ctx, actor(c), u.ID)
	if assessment.ErrorCode(err) == assessment.ECONFLICT {
		return again(err)
	}
	if err != nil {
		return err
	}
	tr := s.translator(c)
	msg := tr.T("OpsErased", "Name", tr.T("OpsFormerUser", "ID", er.UserID), "Count", er.Rows)
	if len(er.Ownerless) > 0 {
		msg += " " + tr.T("OpsErasedOwnerless", "Count", len(er.Ownerless))
	}
	flash(c, msg)
	return c.Redirect(http.StatusSeeOther, "/admin/erase")
}

func asDomain(err error) *assessment.Error {
	de, _ := assessment.AsError(err)
	return de
}
