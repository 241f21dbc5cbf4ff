package app

import (
	"context"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// ErrEraseForbidden refuses erasure to anyone but platform administrators.
var ErrEraseForbidden = assessment.Errorf(assessment.EFORBIDDEN, "only platform administrators can erase a person's data")

// EraseUser erases the person whose email an administrator typed twice
// (email, confirm), never the administrator's own account (the command
// line, or another administrator, can). Bad input is invalid (422), an
// account already erased a conflict (409).
func (a *App) EraseUser(ctx context.Context, p *policy.Principal, by assessment.Actor, email, confirm string) (store.Erasure, error) {
	if !policy.CanEraseUsers(p) {
		return store.Erasure{}, ErrEraseForbidden
	}
	switch {
	case email == "":
		return store.Erasure{}, assessment.FieldError("email", "is required")
	case assessment.CheckLine("email", email) != nil:
		return store.Erasure{}, assessment.CheckLine("email", email)
	case !strings.EqualFold(email, confirm):
		return store.Erasure{}, assessment.FieldError("confirm", "must repeat the email exactly")
	}
	u, err := a.db.UserByEmail(ctx, email)
	if assessment.ErrorCode(err) == assessment.ENOTFOUND {
		return store.Erasure{}, assessment.FieldError("email", "no account has this email")
	}
	if err != nil {
		return store.Erasure{}, err
	}
	if u.ID == p.User.ID {
		return store.Erasure{}, assessment.FieldError("email", "is your own account: another administrator, or the command line, can erase it")
	}
	return a.db.EraseUser(ctx, by, u.ID)
}
