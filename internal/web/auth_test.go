package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// raw fetches a page and returns its status and body as sent.
func (b *browser) raw(path string) (int, string) {
	b.a.t.Helper()
	res, err := b.http.Get(b.a.ts.URL + path)
	if err != nil {
		b.a.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// noInline fails when a page carries inline script or style, which the
// Content-Security-Policy would block.
func noInline(t testing.TB, doc *goquery.Document) {
	t.Helper()
	if n := doc.Find("script:not([src])").Length(); n > 0 {
		t.Errorf("page has %d inline scripts", n)
	}
	if n := doc.Find("[style], style").Length(); n > 0 {
		t.Errorf("page has %d inline styles", n)
	}
	doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, a := range s.Nodes[0].Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("inline event handler %s on <%s>", a.Key, goquery.NodeName(s))
			}
		}
	})
}

// unlabelled fails when a form control has no label.
func unlabelled(t testing.TB, doc *goquery.Document) {
	t.Helper()
	doc.Find("input:not([type=hidden]):not([hidden]), select, textarea").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		if _, aria := s.Attr("aria-label"); aria {
			return
		}
		if id == "" || doc.Find(`label[for="`+id+`"]`).Length() == 0 {
			name, _ := s.Attr("name")
			t.Errorf("control %q has no label", name)
		}
	})
}

func TestCSRFMissingOrWrongTokenIs403WithExplanation(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.owner)
	for name, token := range map[string]string{"missing": "", "wrong": "not-the-token"} {
		req, _ := http.NewRequest("POST", f.ts.URL+"/account/profile", strings.NewReader(url.Values{"_csrf": {token}, "name": {"Changed"}, "lang": {"en"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, doc := b.read(mustDo(t, b, req))
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("%s token: status %d, want 403", name, res.StatusCode)
		}
		if msg := text(doc.Find(".error-message")); !strings.Contains(msg, "did not come from this site") || !strings.Contains(msg, "nothing was changed") {
			t.Errorf("%s token: page does not explain: %q", name, msg)
		}
	}
	if u, _ := f.db.User(context.Background(), f.owner.ID); u.Name != f.owner.Name {
		t.Errorf("name changed to %q despite the CSRF failure", u.Name)
	}
	// The autosave script's header is accepted in place of the form field.
	res, _ := b.do("POST", "/account/profile", url.Values{"name": {"Header Name"}, "lang": {"en"}}, http.Header{"X-Csrf-Token": {b.csrf}})
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("header token: status %d, want 303", res.StatusCode)
	}
	// A cross-site form post from a modern browser is refused outright.
	res, _ = b.do("POST", "/account/profile", url.Values{"_csrf": {b.csrf}, "name": {"X"}, "lang": {"en"}}, http.Header{"Sec-Fetch-Site": {"cross-site"}})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site: status %d, want 403", res.StatusCode)
	}
}

func mustDo(t testing.TB, b *browser, req *http.Request) *http.Response {
	t.Helper()
	res, err := b.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestSignOutRevokesTheSession(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.viewer.Email)
	old := b.cookie(auth.SessionName).Value
	res, _ := b.post("/logout", url.Values{})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login" {
		t.Fatalf("logout: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	thief := f.browser()
	base, _ := url.Parse(f.ts.URL)
	thief.http.Jar.SetCookies(base, []*http.Cookie{{Name: auth.SessionName, Value: old, Path: "/"}})
	res, _ = thief.get("/account")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
		t.Errorf("old cookie after sign-out: %d %s, want a redirect to sign-in", res.StatusCode, res.Header.Get("Location"))
	}
	if e := f.lastEvent("auth.signout"); e.UserID == nil || *e.UserID != f.viewer.ID {
		t.Errorf("sign-out audit event: %+v", e)
	}
}

func TestIdleTimeoutGoesToSignInAndBack(t *testing.T) {
	clk := newClock()
	f := fixtureWith(t, withClock(clk), func(c *web.Config) { c.IdleTimeout, c.AbsoluteTimeout = time.Hour, 12*time.Hour })
	b := f.login(f.viewer.Email)
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	for i := 0; i < 3; i++ { // activity keeps the session alive past the idle timeout
		clk.advance(50 * time.Minute)
		if res, _ := b.get(page); res.StatusCode != http.StatusOK {
			t.Fatalf("after %d×50 min of activity: status %d", i+1, res.StatusCode)
		}
	}
	clk.advance(61 * time.Minute)
	res, _ := b.get(page)
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || loc != "/login?next="+url.QueryEscape(page)+"&expired=1" {
		t.Fatalf("idle session: %d %q", res.StatusCode, loc)
	}
	_, doc := b.get(loc)
	if !strings.Contains(text(doc.Find(".notice")), "period without activity") {
		t.Errorf("sign-in page does not say the session expired")
	}
	if v, _ := doc.Find("main input[name=next]").Attr("value"); v != page {
		t.Errorf("next = %q, want %q", v, page)
	}
	res, _ = b.post("/login", url.Values{"email": {f.viewer.Email}, "password": {testPassword}, "next": {page}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page {
		t.Fatalf("sign-in again: %d %q, want back to %s", res.StatusCode, res.Header.Get("Location"), page)
	}
	if res, _ := b.get(page); res.StatusCode != http.StatusOK {
		t.Errorf("back on the page: %d", res.StatusCode)
	}
}

func TestAbsoluteTimeoutEndsActiveSessions(t *testing.T) {
	clk := newClock()
	f := fixtureWith(t, withClock(clk), func(c *web.Config) { c.IdleTimeout, c.AbsoluteTimeout = time.Hour, 3*time.Hour })
	b := f.login(f.viewer.Email)
	for i := 0; i < 3; i++ {
		clk.advance(55 * time.Minute)
		if res, _ := b.get("/account"); res.StatusCode != http.StatusOK {
			t.Fatalf("after %d×55 min: %d", i+1, res.StatusCode)
		}
	}
	clk.advance(20 * time.Minute) // 3 h 5 min after sign-in, 20 min after the last request
	res, _ := b.get("/account")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=%2Faccount") {
		t.Errorf("past the absolute timeout: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestAPITokenExpiryRevocationAndNoCookieAuth(t *testing.T) {
	f := newFixture(t)
	tok, hash := auth.NewToken()
	if _, err := f.db.CreateToken(context.Background(), assessment.System, assessment.Token{UserID: f.viewer.ID, Name: "old", Hash: hash, ExpiresAt: time.Now().Add(-time.Minute)}); err != nil {
		t.Fatal(err)
	}
	r := f.api(tok, "GET", "/api/v1/assessments", nil)
	if r.Status != http.StatusUnauthorized || r.str("code") != "unauthorized" || !strings.Contains(r.str("error"), "expired") {
		t.Errorf("expired token: %d %s", r.Status, r.Raw)
	}
	live := f.token(f.viewer)
	if r := f.api(live, "GET", "/api/v1/assessments", nil); r.Status != http.StatusOK {
		t.Fatalf("live token: %d", r.Status)
	}
	list, _ := f.db.Tokens(context.Background(), f.viewer.ID)
	for _, tk := range list {
		if tk.Hash == auth.HashToken(live) {
			if tk.LastUsedAt == nil {
				t.Error("last use of the token not recorded")
			}
			if err := f.db.RevokeToken(context.Background(), assessment.System, f.viewer.ID, tk.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if r := f.api(live, "GET", "/api/v1/assessments", nil); r.Status != http.StatusUnauthorized {
		t.Errorf("revoked token: %d", r.Status)
	}
	// A signed-in browser's cookie alone never opens the API.
	b := f.login(f.viewer.Email)
	res, _ := b.http.Get(f.ts.URL + "/api/v1/assessments")
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("API by cookie: %d, want 401", res.StatusCode)
	}
}

// retryAfter checks a 429 and returns its Retry-After seconds.
func retryAfter(t testing.TB, res *http.Response, doc *goquery.Document) int {
	t.Helper()
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("status %d, want 429", res.StatusCode)
	}
	secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
	if err != nil || secs < 1 {
		t.Fatalf("Retry-After = %q", res.Header.Get("Retry-After"))
	}
	if doc != nil && !strings.Contains(text(doc.Find(".error-message")), "Too many attempts") {
		t.Errorf("429 page lacks a clear message: %q", text(doc.Find("main")))
	}
	return secs
}

func TestSignInRateLimitPerAccountThenRecovery(t *testing.T) {
	clk := newClock()
	f := fixtureWith(t, withClock(clk))
	b := f.browser()
	for i := 0; i < 5; i++ {
		res, doc := b.post("/login", url.Values{"email": {f.viewer.Email}, "password": {"wrong password here"}})
		if res.StatusCode != http.StatusUnauthorized || text(doc.Find(".error-message")) != "The email or password is not correct." {
			t.Fatalf("failure %d: %d %q", i, res.StatusCode, text(doc.Find(".error-message")))
		}
	}
	res, doc := b.post("/login", url.Values{"email": {f.viewer.Email}, "password": {testPassword}})
	if secs := retryAfter(t, res, doc); secs > 15*60+1 {
		t.Errorf("Retry-After %d s is longer than the window", secs)
	}
	if len(f.events("auth.signin_failed")) != 5 {
		t.Errorf("want 5 failed sign-in events, got %d", len(f.events("auth.signin_failed")))
	}
	clk.advance(15*time.Minute + time.Second)
	if res, _ := b.post("/login", url.Values{"email": {f.viewer.Email}, "password": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("after the window: %d, want 303", res.StatusCode)
	}
}

// One address is often a whole ministry behind one NAT: twenty failures
// from it do not stop its colleagues, a hundred do (for everyone at that
// address), and a forwarding header does not make a new address unless
// the server trusts its proxy.
func TestSignInRateLimitPerAddress(t *testing.T) {
	clk := newClock()
	f := fixtureWith(t, withClock(clk))
	fail := func(from, to int) {
		var wg sync.WaitGroup
		for i := from; i < to; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				f.browser().post("/login", url.Values{"email": {fmt.Sprintf("guess%d@example.org", i)}, "password": {"wrong password here"}})
			}(i)
		}
		wg.Wait()
	}
	fail(0, 20)
	if res, _ := f.browser().post("/login", url.Values{"email": {f.owner.Email}, "password": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("after 20 failures from the address: %d, want the owner signed in", res.StatusCode)
	}
	fail(20, 100)
	b := f.browser()
	res, doc := b.post("/login", url.Values{"email": {f.owner.Email}, "password": {testPassword}})
	retryAfter(t, res, doc)
	res, doc = b.do("POST", "/login", url.Values{"_csrf": {b.csrf}, "email": {f.owner.Email}, "password": {testPassword}}, http.Header{"X-Forwarded-For": {"198.51.100.7"}})
	retryAfter(t, res, doc)
	clk.advance(16 * time.Minute)
	if res, _ := b.post("/login", url.Values{"email": {f.owner.Email}, "password": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("after the window: %d", res.StatusCode)
	}
}

func TestRateLimitsOnInvitationsTokensResetsAndLinks(t *testing.T) {
	clk := newClock()
	mb := newMailbox()
	f := fixtureWith(t, withClock(clk), withMail(mb))
	owner := f.session(f.owner)
	members := fmt.Sprintf("/organisations/%d/invitations", f.org.ID)
	cases := []struct {
		name   string
		limit  int
		window time.Duration
		try    func(i int) (*http.Response, *goquery.Document)
		ok     int
	}{
		{"invitation creation", 20, time.Hour, func(i int) (*http.Response, *goquery.Document) {
			return owner.post(members, url.Values{"email": {fmt.Sprintf("new%d@example.org", i)}, "role": {"viewer"}})
		}, http.StatusOK},
		{"token creation", 10, time.Hour, func(i int) (*http.Response, *goquery.Document) {
			return owner.post("/account/tokens", url.Values{"name": {fmt.Sprintf("script %d", i)}, "days": {"30"}})
		}, http.StatusOK},
		{"invitation link guessing", 30, 15 * time.Minute, func(i int) (*http.Response, *goquery.Document) {
			return f.browser().get(fmt.Sprintf("/invitations/guess-%d", i))
		}, http.StatusNotFound},
	}
	for _, c := range cases {
		for i := 0; i < c.limit; i++ {
			if res, _ := c.try(i); res.StatusCode != c.ok {
				t.Fatalf("%s %d: status %d, want %d", c.name, i, res.StatusCode, c.ok)
			}
		}
		res, doc := c.try(c.limit)
		retryAfter(t, res, doc)
		clk.advance(c.window + time.Second)
		if res, _ := c.try(c.limit + 1); res.StatusCode != c.ok {
			t.Errorf("%s after the window: %d, want %d", c.name, res.StatusCode, c.ok)
		}
	}
	// Password reset requests by mail: per email, whatever the address.
	anon := f.browser()
	for i := 0; i < 5; i++ {
		if res, _ := anon.post("/password-reset", url.Values{"email": {"nobody@example.org"}}); res.StatusCode != http.StatusOK {
			t.Fatalf("reset request %d: %d", i, res.StatusCode)
		}
	}
	res, doc := f.browser().post("/password-reset", url.Values{"email": {"nobody@example.org"}})
	retryAfter(t, res, doc)
	// Administrators creating reset links.
	admin := f.sessionAt(f.admin, clk.Now())
	for i := 0; i < 5; i++ {
		if res, _ := admin.post(fmt.Sprintf("/users/%d/password-reset", f.viewer.ID), url.Values{}); res.StatusCode != http.StatusOK {
			t.Fatalf("reset link %d: %d", i, res.StatusCode)
		}
	}
	res, doc = admin.post(fmt.Sprintf("/users/%d/password-reset", f.viewer.ID), url.Values{})
	retryAfter(t, res, doc)
}

func TestInvitationAcceptanceRateLimitPerInvitedEmail(t *testing.T) {
	clk := newClock()
	f := fixtureWith(t, withClock(clk))
	link := f.invite(f.org, "newcomer@example.org", assessment.RoleViewer)
	for i := 0; i < 10; i++ {
		b := f.browser()
		b.get(link)
		if res, _ := b.post(link, url.Values{"name": {"N"}, "lang": {"en"}, "password": {"short"}, "password_confirm": {"short"}}); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("attempt %d: %d", i, res.StatusCode)
		}
	}
	b := f.browser()
	b.get(link)
	res, doc := b.post(link, url.Values{"name": {"N"}, "lang": {"en"}, "password": {testPassword}, "password_confirm": {testPassword}})
	retryAfter(t, res, doc)
	clk.advance(16 * time.Minute)
	if res, _ := b.post(link, url.Values{"name": {"N"}, "lang": {"en"}, "password": {testPassword}, "password_confirm": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("after the window: %d", res.StatusCode)
	}
}

// invite creates an invitation through the store and returns its path.
func (a *app) invite(o assessment.Organisation, email string, role assessment.Role) string {
	a.t.Helper()
	secret := auth.NewSecret(32)
	_, err := a.db.CreateInvitation(context.Background(), assessment.System, assessment.Invitation{OrganisationID: o.ID, Email: email, Role: role,
		Hash: auth.HashToken(secret), ExpiresAt: time.Now().Add(24 * time.Hour)})
	if err != nil {
		a.t.Fatal(err)
	}
	return "/invitations/" + secret
}

func sessionCookie(res *http.Response, name string) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func TestCookieFlags(t *testing.T) {
	f := newFixture(t)
	b := f.browser()
	res, _ := b.get("/login")
	csrf := sessionCookie(res, "mnr_csrf")
	if csrf == nil || !csrf.HttpOnly || csrf.SameSite != http.SameSiteLaxMode || csrf.Secure {
		t.Errorf("CSRF cookie over plain HTTP: %+v", csrf)
	}
	res, _ = b.post("/login", url.Values{"email": {f.viewer.Email}, "password": {testPassword}})
	c := sessionCookie(res, auth.SessionName)
	if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" {
		t.Errorf("session cookie over plain HTTP: %+v", c)
	}
	// Behind a trusted TLS-terminating proxy the session cookie is Secure.
	px := fixtureWith(t, behindProxy)
	b2 := px.browser()
	b2.get("/login")
	res, _ = b2.do("POST", "/login", url.Values{"_csrf": {b2.csrf}, "email": {px.viewer.Email}, "password": {testPassword}}, http.Header{"X-Forwarded-Proto": {"https"}})
	if c := sessionCookie(res, auth.SessionName); c == nil || !c.Secure || !c.HttpOnly {
		t.Errorf("session cookie with X-Forwarded-Proto https: %+v", c)
	}
	// MNR_SECURE_COOKIES=1 makes every cookie Secure. A cookie jar does not
	// send Secure cookies over plain HTTP, so the cookie goes by hand here.
	s := fixtureWith(t, func(c *web.Config) { c.SecureCookies = true })
	res, _ = s.browser().get("/login")
	csrf = sessionCookie(res, "mnr_csrf")
	if csrf == nil || !csrf.Secure || !csrf.HttpOnly {
		t.Fatalf("CSRF cookie with SecureCookies: %+v", csrf)
	}
	req, _ := http.NewRequest("POST", s.ts.URL+"/login", strings.NewReader(url.Values{"_csrf": {csrf.Value}, "email": {s.viewer.Email}, "password": {testPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "mnr_csrf", Value: csrf.Value})
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if c := sessionCookie(res, auth.SessionName); res.StatusCode != http.StatusSeeOther || c == nil || !c.Secure || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie with SecureCookies: %d %+v", res.StatusCode, c)
	}
}

func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.owner)
	for _, path := range []string{"/login", "/account", "/api/v1/framework", fmt.Sprintf("/organisations/%d/members", f.org.ID)} {
		res, err := b.http.Get(f.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		h := res.Header
		csp := map[string]string{}
		for _, d := range strings.Split(h.Get("Content-Security-Policy"), ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(d), " "); ok {
				csp[k] = v
			}
		}
		if s := csp["script-src"]; s != "'self'" {
			t.Errorf("%s: script-src %q, want only 'self'", path, s)
		}
		if strings.Contains(h.Get("Content-Security-Policy"), "unsafe-inline") || strings.Contains(h.Get("Content-Security-Policy"), "unsafe-eval") {
			t.Errorf("%s: CSP allows unsafe code: %s", path, h.Get("Content-Security-Policy"))
		}
		if csp["frame-ancestors"] != "'none'" {
			t.Errorf("%s: frame-ancestors %q", path, csp["frame-ancestors"])
		}
		for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
			if got := h.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", path, k, got, want)
			}
		}
		if h.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", path, h.Get("Cache-Control"))
		}
	}
}

func TestOversizedBodiesAre413(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.owner)
	big := strings.Repeat("a", 2<<20)
	// A form with a Content-Length over the limit.
	res, doc := b.post("/account/profile", url.Values{"name": {big}, "lang": {"en"}})
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(text(doc.Find(".error-message")), "larger than the limit of 1 MB") {
		t.Errorf("large form: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	// The same without a length (chunked): the limit shows while reading.
	body := io.MultiReader(strings.NewReader("_csrf="+b.csrf+"&lang=en&name="), strings.NewReader(big))
	req, _ := http.NewRequest("POST", f.ts.URL+"/account/profile", body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, doc = b.read(mustDo(t, b, req))
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(text(doc.Find(".error-message")), "1 MB") {
		t.Errorf("chunked form: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	tok := f.token(f.owner)
	key := f.fw.Capability("leadership").Indicators[0].Key
	path := fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", f.assess.ID, key)
	r := f.api(tok, "PUT", path, `{"answer":"yes","version":0,"evidence":"`+big+`"}`)
	if r.Status != http.StatusRequestEntityTooLarge || r.str("code") != "too_large" || !strings.Contains(r.str("error"), "1 MB") {
		t.Errorf("large JSON: %d %.200s", r.Status, r.Raw)
	}
	req, _ = http.NewRequest("PUT", f.ts.URL+path, io.MultiReader(strings.NewReader(`{"answer":"yes","version":0,"evidence":"`), strings.NewReader(big), strings.NewReader(`"}`)))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(raw), `"code":"too_large"`) {
		t.Errorf("chunked JSON: %d %.200s", res.StatusCode, raw)
	}
}

func TestClientAddressFromTrustedProxyOnly(t *testing.T) {
	for _, c := range []struct {
		trust bool
		want  string
	}{{false, "127.0.0.1"}, {true, "198.51.100.7"}} {
		f := fixtureWith(t, func(cfg *web.Config) { cfg.TrustProxy = c.trust })
		b := f.browser()
		b.get("/login")
		b.do("POST", "/login", url.Values{"_csrf": {b.csrf}, "email": {f.viewer.Email}, "password": {"wrong password here"}}, http.Header{"X-Forwarded-For": {"198.51.100.7"}})
		if got := f.lastEvent("auth.signin_failed").IP; got != c.want {
			t.Errorf("TrustProxy=%v: audit address %q, want %q", c.trust, got, c.want)
		}
	}
}
