package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// resetLink stores a reset link for u and returns its path.
func (a *app) resetLink(u assessment.User) string {
	a.t.Helper()
	secret := auth.NewSecret(32)
	if _, err := a.db.CreatePasswordReset(context.Background(), assessment.System, assessment.PasswordReset{UserID: u.ID,
		Hash: auth.HashToken(secret), ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		a.t.Fatal(err)
	}
	return "/password-reset/" + secret
}

// A password change ends the other sessions and the reset links made
// before it; API tokens stay unless the box is ticked, and the page says
// how many stay or went.
func TestPasswordChangeEndsLinksAndSessionsAndTokensWhenAsked(t *testing.T) {
	f := newFixture(t)
	other := f.login(f.owner.Email)
	here := f.login(f.owner.Email)
	link := f.resetLink(f.owner)
	tok := f.token(f.owner)

	here.get("/account")
	res, _ := here.post("/account/password", url.Values{"current_password": {testPassword}, "new_password": {"a new and long passphrase"}, "new_password_confirm": {"a new and long passphrase"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("change: %d", res.StatusCode)
	}
	if _, doc := here.get("/account"); !strings.Contains(text(doc.Find(".flash")), "1 API token is still active") {
		t.Errorf("flash = %q", text(doc.Find(".flash")))
	}
	if res, _ := other.get("/account"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the other session after the change: %d, want sent to sign in", res.StatusCode)
	}
	if res, _ := f.browser().get(link); res.StatusCode != http.StatusNotFound {
		t.Errorf("a reset link made before the change: %d, want 404", res.StatusCode)
	}
	if r := f.api(tok, "GET", "/api/v1/assessments", nil); r.Status != http.StatusOK {
		t.Errorf("the token after a change without revoking: %d", r.Status)
	}

	here.get("/account")
	res, _ = here.post("/account/password", url.Values{"current_password": {"a new and long passphrase"}, "new_password": {"another long passphrase"},
		"new_password_confirm": {"another long passphrase"}, "revoke_tokens": {"1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("second change: %d", res.StatusCode)
	}
	if _, doc := here.get("/account"); !strings.Contains(text(doc.Find(".flash")), "1 API token was revoked") {
		t.Errorf("flash = %q", text(doc.Find(".flash")))
	}
	if r := f.api(tok, "GET", "/api/v1/assessments", nil); r.Status != http.StatusUnauthorized {
		t.Errorf("the token after a change revoking tokens: %d", r.Status)
	}
	if e := f.lastEvent("user.password"); !strings.Contains(e.After, `"tokens_revoked":1`) {
		t.Errorf("audit = %s", e.After)
	}
}

// A reset ends every session and the other links, keeps API tokens, and
// says how many are still active.
func TestPasswordResetSaysHowManyTokensStayActive(t *testing.T) {
	f := newFixture(t)
	signedIn := f.login(f.viewer.Email)
	f.token(f.viewer)
	f.token(f.viewer)
	link := f.resetLink(f.viewer)
	b := f.browser()
	b.get(link)
	res, _ := b.post(link, url.Values{"password": {"a fresh start at last"}, "password_confirm": {"a fresh start at last"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset: %d", res.StatusCode)
	}
	if _, doc := b.get("/"); !strings.Contains(text(doc.Find(".flash")), "2 API tokens of your account are still active") {
		t.Errorf("flash = %q", text(doc.Find(".flash")))
	}
	if res, _ := signedIn.get("/account"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a session from before the reset: %d", res.StatusCode)
	}
}

// Long id lists answer 422 naming the limit, not 500.
func TestLongIDListsAreRefusedWithTheLimit(t *testing.T) {
	f := newFixture(t)
	ids := make([]int64, 40000)
	keys := make([]string, 40000)
	for i := range ids {
		ids[i], keys[i] = int64(i+1), "leadership-1"
	}
	// A form holds fewer: Go reads at most 10,000 values of a form (the
	// rest is refused before any handler), so one over the limit.
	form := url.Values{"indicator": keys[:assessment.MaxIDs+1]}
	want := fmt.Sprintf("at most %d", assessment.MaxIDs)
	r := f.api(f.token(f.viewer), "POST", "/api/v1/notifications/read", map[string]any{"ids": ids})
	if r.Status != http.StatusUnprocessableEntity || r.str("field") != "ids" || !strings.Contains(r.str("error"), want) {
		t.Errorf("40,000 notification ids: %d %s", r.Status, r.Raw)
	}
	path := fmt.Sprintf("/api/v1/assessments/%d/capabilities/leadership/confirm", f.assess.ID)
	r = f.api(f.token(f.coordinator), "POST", path, map[string]any{"indicators": keys})
	if r.Status != http.StatusUnprocessableEntity || r.str("field") != "indicators" || !strings.Contains(r.str("error"), want) {
		t.Errorf("40,000 keys to confirm: %d %s", r.Status, r.Raw)
	}
	res, doc := f.session(f.coordinator).post(strings.TrimPrefix(path, "/api/v1"), form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Text(), want) {
		t.Errorf("%d keys from the form: %d", assessment.MaxIDs+1, res.StatusCode)
	}
}
