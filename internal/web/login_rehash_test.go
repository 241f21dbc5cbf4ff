package web_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/argon2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// A hash stored with the former 19 MiB parameters is replaced at the next
// sign-in by one with today's; the password, the other sessions and the
// tokens stay, and a wrong password upgrades nothing.
func TestSignInUpgradesOldHash(t *testing.T) {
	a := newApp(t)
	salt := []byte("0123456789abcdef")
	old := fmt.Sprintf("$argon2id$v=%d$m=%d,t=2,p=1$%s$%s", argon2.Version, 19*1024,
		base64.RawStdEncoding.EncodeToString(salt),
		base64.RawStdEncoding.EncodeToString(argon2.IDKey([]byte(testPassword), salt, 2, 19*1024, 1, 32)))
	ctx := context.Background()
	u, err := a.db.CreateUser(ctx, assessment.System, assessment.User{Email: "old@example.org", Name: "Old", Lang: "en", PasswordHash: old})
	if err != nil {
		t.Fatal(err)
	}
	tok := a.token(u)
	stored := func() string {
		got, err := a.db.UserByEmail(ctx, u.Email)
		if err != nil {
			t.Fatal(err)
		}
		return got.PasswordHash
	}

	wrong := a.browser()
	wrong.post("/login", map[string][]string{"email": {u.Email}, "password": {"not-the-password-1"}})
	if stored() != old {
		t.Fatal("a failed sign-in changed the stored hash")
	}

	first := a.login(u.Email)
	h := stored()
	if h == old || !strings.Contains(h, "$m=7168,t=5,p=1$") || auth.NeedsRehash(h) {
		t.Fatalf("after sign-in the hash is %q, want today's parameters", h)
	}
	if !auth.VerifyPassword(h, testPassword) {
		t.Fatal("the new hash does not verify the password")
	}
	if res, _ := first.get("/"); res.StatusCode != 200 {
		t.Errorf("the session that upgraded the hash: home status %d", res.StatusCode)
	}
	a.login(u.Email) // the password still works, and a current hash is left as it is
	if stored() != h {
		t.Error("a current hash was replaced again")
	}
	if r := a.api(tok, "GET", "/api/v1/assessments", nil); r.Status != 200 {
		t.Errorf("token after the upgrade: status %d", r.Status)
	}
}
