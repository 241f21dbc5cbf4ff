package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// eraseForm is the erasure page's form, kept when it comes back with an error.
type eraseForm struct{ Email, Confirm string }

var errEraseForbidden = app.ErrEraseForbidden

// adminEraseShow shows platform administrators the form that erases a
// person (the same as `mnr user erase`).
func (s *Server) adminEraseShow(c echo.Context) error {
	if !policy.CanEraseUsers(principal(c)) {
		return errEraseForbidden
	}
	return s.render(c, "admin_erase", pageData{Title: s.translator(c).T("OpsEraseTitle"), Data: eraseForm{}})
}

// adminErase erases the person with the given email, after the email is
// typed twice, and reports what was done; bad input and an account already
// erased come back on the form.
func (s *Server) adminErase(c echo.Context) error {
	f := eraseForm{Email: strings.TrimSpace(c.FormValue("email")), Confirm: strings.TrimSpace(c.FormValue("confirm"))}
	er, err := s.app.EraseUser(c.Request().Context(), principal(c), actor(c), f.Email, f.Confirm)
	if code := assessment.ErrorCode(err); code == assessment.EINVALID || code == assessment.ECONFLICT {
		return s.renderStatus(c, http.StatusUnprocessableEntity, "admin_erase", pageData{Title: s.translator(c).T("OpsEraseTitle"), Error: asDomain(err), Data: f})
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
