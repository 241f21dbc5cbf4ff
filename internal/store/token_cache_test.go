package store_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// A token and its principal are served in one statement while nothing
// changed; a revocation on either instance refuses the token at once on
// both, and recording a token's use empties no cache.
func TestTokenCacheSeesRevocation(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			other := secondInstance(t, s)
			u, _ := s.CreateUser(ctx, assessment.System, assessment.User{Email: "t@example.org", Name: "T", Lang: "en", PasswordHash: "x"})
			mk := func(hash string) assessment.Token {
				tk, err := s.CreateToken(ctx, assessment.System, assessment.Token{UserID: u.ID, Name: hash, Hash: hash, ExpiresAt: time.Now().Add(time.Hour)})
				if err != nil {
					t.Fatal(err)
				}
				return tk
			}
			one, two := mk("hash-one"), mk("hash-two")
			for _, db := range []*store.Store{s, other} {
				for _, h := range []string{"hash-one", "hash-two"} {
					if _, err := db.TokenByHash(ctx, h); err != nil {
						t.Fatal(err)
					}
				}
			}
			if _, _, err := s.TokenPrincipal(ctx, "hash-one"); err != nil {
				t.Fatal(err)
			}
			var n atomic.Int64
			if err := s.CountStatements(&n); err != nil {
				t.Fatal(err)
			}
			if tk, p, err := s.TokenPrincipal(ctx, "hash-one"); err != nil || tk.ID != one.ID || p.User.ID != u.ID {
				t.Fatalf("cached: %+v %+v %v", tk, p.User, err)
			}
			if got := n.Load(); got != 1 {
				t.Errorf("a cached token and principal took %d statements, want 1", got)
			}
			for i, by := range []*store.Store{s, other} {
				tk := []assessment.Token{one, two}[i]
				if err := by.RevokeToken(ctx, assessment.System, u.ID, tk.ID); err != nil {
					t.Fatal(err)
				}
				for j, d := range []*store.Store{s, other} {
					if _, err := d.TokenByHash(ctx, tk.Hash); assessment.ErrorCode(err) != assessment.EUNAUTHORIZED {
						t.Errorf("token %d revoked on instance %d, used on %d: %v", i+1, i+1, j+1, err)
					}
				}
			}
		})
	}
}

// A save's head is served in one statement while nothing changed; a change
// of status on another instance is seen at once, and the head equals the
// one pages read in what a save checks.
func TestSaveHeadSeesStatus(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			other := secondInstance(t, s)
			head := func(db *store.Store, want assessment.Status) {
				t.Helper()
				got, err := db.AssessmentForSave(ctx, a.ID)
				full, _ := db.Assessment(ctx, a.ID)
				if err != nil || got.Status != want || got.OrganisationID != a.OrganisationID || got.FrameworkVersion != a.FrameworkVersion ||
					strings.Join(got.Scope, ",") != strings.Join(full.Scope, ",") || len(got.Scope) != 2 {
					t.Fatalf("head %+v, %v; want status %s like %+v", got, err, want, full)
				}
			}
			head(s, assessment.StatusDraft)
			var n atomic.Int64
			if err := s.CountStatements(&n); err != nil {
				t.Fatal(err)
			}
			head(s, assessment.StatusDraft)
			if got := n.Load(); got != 2 { // the cached head, then Assessment for the comparison
				t.Errorf("a cached head took %d statements, want 1", got-1)
			}
			if err := other.SetStatus(ctx, assessment.System, a.ID, assessment.StatusApproved); err != nil {
				t.Fatal(err)
			}
			head(s, assessment.StatusApproved)
			head(other, assessment.StatusApproved)
		})
	}
}
