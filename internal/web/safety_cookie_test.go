package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// Over HTTPS, here announced by a trusted proxy, every cookie the app sets
// (CSRF, session, language) is Secure and HSTS is sent; the same header
// from a client the app does not trust changes nothing.
func TestEveryCookieSecureAndHSTSBehindHTTPS(t *testing.T) {
	for name, c := range map[string]struct {
		trust  bool
		secure bool
	}{"trusted proxy": {true, true}, "untrusted client": {false, false}} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			if c.trust {
				f = fixtureWith(t, behindProxy)
			}
			// By hand: a cookie jar keeps Secure cookies off plain HTTP.
			send := func(method, path string, form url.Values, cookies ...*http.Cookie) *http.Response {
				req, _ := http.NewRequest(method, f.ts.URL+path, strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Forwarded-Proto", "https")
				for _, ck := range cookies {
					req.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value})
				}
				res, err := http.DefaultTransport.RoundTrip(req)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				return res
			}
			res := send("GET", "/login", nil)
			if got := res.Header.Get("Strict-Transport-Security") != ""; got != c.secure {
				t.Errorf("HSTS sent: %v, want %v", got, c.secure)
			}
			csrf := sessionCookie(res, "mnr_csrf")
			if csrf == nil {
				t.Fatal("no CSRF cookie")
			}
			login := send("POST", "/login", url.Values{"_csrf": {csrf.Value}, "email": {f.viewer.Email}, "password": {testPassword}}, csrf)
			lang := send("POST", "/language", url.Values{"_csrf": {csrf.Value}, "lang": {"fr"}, "next": {"/"}}, csrf)
			for _, ck := range []*http.Cookie{csrf, sessionCookie(login, auth.SessionName), sessionCookie(lang, "mnr_lang")} {
				if ck == nil {
					t.Fatalf("a cookie is missing (login %d, language %d)", login.StatusCode, lang.StatusCode)
				}
				if ck.Secure != c.secure || !ck.HttpOnly {
					t.Errorf("%s: Secure=%v HttpOnly=%v, want Secure=%v", ck.Name, ck.Secure, ck.HttpOnly, c.secure)
				}
			}
		})
	}
}
