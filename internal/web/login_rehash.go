package web

import (
	"context"
	"log/slog"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// upgradeHash stores the password just proved at sign-in again with
// today's hash parameters when the stored hash used older ones, so every
// later sign-in of this user holds 7 MiB instead of 19 MiB. A failure is
// logged, never shown: the sign-in itself has succeeded.
func (s *Server) upgradeHash(ctx context.Context, u assessment.User, pw string) {
	if !auth.NeedsRehash(u.PasswordHash) {
		return
	}
	hash, err := auth.HashPassword(pw)
	if err == nil {
		_, err = s.db.RehashPassword(ctx, u.ID, u.PasswordHash, hash)
	}
	if err != nil {
		slog.Warn("password hash not upgraded", "user", u.ID, "err", err)
	}
}
