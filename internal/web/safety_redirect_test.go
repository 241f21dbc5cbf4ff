package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// The return-to address of the sign-in form and the language switch stays
// on this site however it is disguised.
func TestReturnAddressesStayOnThisSite(t *testing.T) {
	f := newFixture(t)
	for _, next := range []string{"/\t/evil.example", "/\\evil.example", "\r\n//evil.example", "https://evil.example"} {
		b := f.browser()
		res, _ := b.post("/login", url.Values{"email": {f.owner.Email}, "password": {testPassword}, "next": {next}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
			t.Errorf("sign-in with next %q: %d to %q", next, res.StatusCode, res.Header.Get("Location"))
		}
		res, _ = b.post("/language", url.Values{"lang": {"fr"}, "next": {next}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
			t.Errorf("language switch with next %q: %d to %q", next, res.StatusCode, res.Header.Get("Location"))
		}
	}
}
