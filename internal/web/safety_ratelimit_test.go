package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// apiFrom calls the API as apiResult does, from a client address (the
// server must trust its proxy for the address to count).
func (a *app) apiFrom(ip, token, method, path string, body any) (apiResult, http.Header) {
	a.t.Helper()
	var rd io.Reader
	if body != nil {
		buf, _ := json.Marshal(body)
		rd = bytes.NewReader(buf)
	}
	req, _ := http.NewRequest(method, a.ts.URL+path, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	if ip != "" {
		req.Header.Set("X-Forwarded-For", ip)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := apiResult{Status: res.StatusCode, Raw: raw}
	_ = json.Unmarshal(raw, &out.Body)
	return out, res.Header
}

// retryWithin checks a 429's Retry-After: whole seconds, at least one, at
// most the window.
func retryWithin(t *testing.T, status int, h http.Header, window time.Duration) {
	t.Helper()
	if status != http.StatusTooManyRequests {
		t.Fatalf("status %d, want 429", status)
	}
	secs, err := strconv.Atoi(h.Get("Retry-After"))
	if err != nil || secs < 1 || secs > int(window.Seconds())+1 {
		t.Fatalf("Retry-After %q, want 1…%d seconds", h.Get("Retry-After"), int(window.Seconds())+1)
	}
}

// Fifty wrong passwords at once for one account from one address: every
// attempt is counted before its password is checked, so only the limit's
// five are checked at all (each leaves an audit event) and the other 45
// are refused with Retry-After.
func TestParallelWrongPasswordsAreCheckedOnlyUpToTheLimit(t *testing.T) {
	f := newFixture(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	for i := 0; i < 50; i++ {
		b := f.browser()
		b.get("/login")
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, _ := b.do("POST", "/login", url.Values{"_csrf": {b.csrf}, "email": {f.viewer.Email}, "password": {"wrong password here"}}, nil)
			mu.Lock()
			statuses[res.StatusCode]++
			mu.Unlock()
			if res.StatusCode == http.StatusTooManyRequests && res.Header.Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
		}()
	}
	wg.Wait()
	checked := len(f.events("auth.signin_failed"))
	if checked > 5 || statuses[http.StatusUnauthorized] != checked || statuses[http.StatusTooManyRequests] != 50-checked {
		t.Errorf("%d passwords checked, statuses %v; want at most 5 checked and the rest 429", checked, statuses)
	}
}

// An attacker's wrong guesses from their address do not lock the account's
// owner out: the owner signs in from their own address meanwhile.
func TestAttackerIsThrottledNotTheAccountOwner(t *testing.T) {
	f := fixtureWith(t, behindProxy)
	attacker, owner := f.browser(), f.browser()
	attacker.get("/login")
	from := func(b *browser, ip, password string) *http.Response {
		res, _ := b.do("POST", "/login", url.Values{"_csrf": {b.csrf}, "email": {f.viewer.Email}, "password": {password}}, http.Header{"X-Forwarded-For": {ip}})
		return res
	}
	for i := 0; i < 5; i++ {
		if res := from(attacker, "203.0.113.9", "wrong password here"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i, res.StatusCode)
		}
	}
	res := from(attacker, "203.0.113.9", testPassword)
	retryWithin(t, res.StatusCode, res.Header, 15*time.Minute)
	owner.get("/login")
	if res := from(owner, "198.51.100.20", testPassword); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the owner from their own address: %d, want signed in", res.StatusCode)
	}
}

// The API answers 429 with Retry-After per token (writes apart from reads)
// and refuses an address that tried too many unknown tokens, even with a
// good one, while other addresses go on.
func TestAPILimitsPerTokenAndAddress(t *testing.T) {
	clk := newClock()
	f := fixtureWith(t, withClock(clk), behindProxy)
	tok := f.token(f.viewer)
	for i := 0; i < 600; i++ {
		if r, _ := f.apiFrom("192.0.2.1", tok, "POST", "/api/v1/notifications/read", nil); r.Status != http.StatusOK {
			t.Fatalf("write %d: %d %s", i, r.Status, r.Raw)
		}
	}
	r, h := f.apiFrom("192.0.2.1", tok, "POST", "/api/v1/notifications/read", nil)
	retryWithin(t, r.Status, h, time.Minute)
	if r.str("code") != "rate_limited" {
		t.Errorf("429 body = %s", r.Raw)
	}
	if r, _ := f.apiFrom("192.0.2.1", tok, "GET", "/api/v1/notifications", nil); r.Status != http.StatusOK {
		t.Errorf("a read while writes are limited: %d", r.Status)
	}
	clk.advance(time.Minute + time.Second)
	if r, _ := f.apiFrom("192.0.2.1", tok, "POST", "/api/v1/notifications/read", nil); r.Status != http.StatusOK {
		t.Errorf("a write in the next window: %d", r.Status)
	}

	for i := 0; i < 20; i++ {
		bad, _ := auth.NewToken()
		if r, _ := f.apiFrom("203.0.113.7", bad, "GET", "/api/v1/assessments", nil); r.Status != http.StatusUnauthorized {
			t.Fatalf("unknown token %d: %d", i, r.Status)
		}
	}
	r, h = f.apiFrom("203.0.113.7", tok, "GET", "/api/v1/assessments", nil)
	retryWithin(t, r.Status, h, 15*time.Minute)
	if r, _ := f.apiFrom("192.0.2.1", tok, "GET", "/api/v1/assessments", nil); r.Status != http.StatusOK {
		t.Errorf("the token from another address: %d", r.Status)
	}
}

// Two server instances on one database (a SQLite file, a PostgreSQL
// schema) share the sign-in and API counters and the sessions.
func TestTwoInstancesShareLimitsAndSessions(t *testing.T) {
	for name, dsn := range databases(t) {
		t.Run(name, func(t *testing.T) {
			one := newAppOn(t, openStore(t, dsn))
			two := newAppOn(t, openStore(t, dsn))
			f := castFixture(t, one, "")
			at := []*app{one, two, one, two, one}
			for i, a := range at {
				b := a.browser()
				if res, _ := b.post("/login", url.Values{"email": {f.viewer.Email}, "password": {"wrong password here"}}); res.StatusCode != http.StatusUnauthorized {
					t.Fatalf("guess %d: %d", i, res.StatusCode)
				}
			}
			for _, a := range []*app{two, one} {
				res, doc := a.browser().post("/login", url.Values{"email": {f.viewer.Email}, "password": {testPassword}})
				retryAfter(t, res, doc)
			}

			// A session begun on one instance is good on the other.
			b := one.login(f.owner.Email)
			cookie := b.cookie(auth.SessionName)
			req, _ := http.NewRequest("GET", two.ts.URL+"/account", nil)
			req.AddCookie(cookie)
			res, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("the session on the second instance: %d", res.StatusCode)
			}

			tok := one.token(f.viewer)
			for i := 0; i < 20; i++ {
				bad, _ := auth.NewToken()
				if r := at[i%2].api(bad, "GET", "/api/v1/assessments", nil); r.Status != http.StatusUnauthorized {
					t.Fatalf("unknown token %d: %d", i, r.Status)
				}
			}
			for _, a := range []*app{one, two} {
				r, h := a.apiFrom("", tok, "GET", "/api/v1/assessments", nil)
				retryWithin(t, r.Status, h, 15*time.Minute)
			}
		})
	}
}
