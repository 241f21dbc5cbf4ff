package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// A new password ends the user's sessions and spends their unused reset
// links; API tokens go only when asked, and the change says how many stay.
func TestNewPasswordEndsSessionsAndLinks(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now().UTC()
			u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "p@example.org", Name: "P", PasswordHash: "old"})
			if err != nil {
				t.Fatal(err)
			}
			prepare := func(tag string) {
				t.Helper()
				if err := s.SaveSession(ctx, store.SessionRecord{ID: "s-" + tag, UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
					t.Fatal(err)
				}
				if _, err := s.CreatePasswordReset(ctx, assessment.System, assessment.PasswordReset{UserID: u.ID, Hash: "r-" + tag, ExpiresAt: now.Add(time.Hour)}); err != nil {
					t.Fatal(err)
				}
				if _, err := s.CreateToken(ctx, assessment.System, assessment.Token{UserID: u.ID, Name: tag, Hash: "t-" + tag, ExpiresAt: now.Add(time.Hour)}); err != nil {
					t.Fatal(err)
				}
			}
			prepare("1")
			ch, err := s.SetPassword(ctx, assessment.System, u.ID, "new", false)
			if err != nil {
				t.Fatal(err)
			}
			if ch.SessionsEnded != 1 || ch.ResetLinksSpent != 1 || ch.TokensRevoked != 0 || ch.TokensStillActive != 1 {
				t.Errorf("change without revoking tokens = %+v", ch)
			}
			if _, _, err := s.PendingPasswordReset(ctx, "r-1"); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("a reset link made before the change still works: %v", err)
			}
			if _, ok, _ := s.Session(ctx, "s-1"); ok {
				t.Error("a session survived the change")
			}
			if _, err := s.TokenByHash(ctx, "t-1"); err != nil {
				t.Errorf("the token was revoked without asking: %v", err)
			}

			prepare("2")
			ch, err = s.SetPassword(ctx, assessment.System, u.ID, "newer", true)
			if err != nil || ch.TokensRevoked != 2 || ch.TokensStillActive != 0 {
				t.Fatalf("change revoking tokens = %+v, %v", ch, err)
			}
			for _, h := range []string{"t-1", "t-2"} {
				if _, err := s.TokenByHash(ctx, h); assessment.ErrorCode(err) != assessment.EUNAUTHORIZED {
					t.Errorf("token %s still works: %v", h, err)
				}
			}

			// A reset keeps tokens, spends the other links and ends sessions.
			prepare("3")
			if _, err := s.CreatePasswordReset(ctx, assessment.System, assessment.PasswordReset{UserID: u.ID, Hash: "r-4", ExpiresAt: now.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.PendingPasswordReset(ctx, "r-3"); err == nil {
				t.Error("an older reset link still works after a newer one was made")
			}
			_, ch, err = s.ResetPassword(ctx, assessment.System, "r-4", "newest")
			if err != nil || ch.SessionsEnded != 1 || ch.TokensStillActive != 1 || ch.TokensRevoked != 0 {
				t.Fatalf("reset = %+v, %v", ch, err)
			}
			if ok, err := s.UpdateSession(ctx, store.SessionRecord{ID: "s-3", UserID: u.ID, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); ok || err != nil {
				t.Errorf("a late write brought an ended session back: %v %v", ok, err)
			}
			if _, ok, _ := s.Session(ctx, "s-3"); ok {
				t.Error("the ended session is back")
			}
		})
	}
}
