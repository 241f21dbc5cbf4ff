package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// jsonField reads one field of an audit event's before or after.
func jsonField(t testing.TB, s, key string) any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("audit JSON %q: %v", s, err)
	}
	return m[key]
}

func TestAccountPageAndProfile(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.owner)
	res, doc := b.get("/account")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("account page: %d", res.StatusCode)
	}
	noInline(t, doc)
	unlabelled(t, doc)
	if v, _ := doc.Find("main input#name").Attr("value"); v != f.owner.Name {
		t.Errorf("name field = %q", v)
	}
	if href, ok := doc.Find(`.site-header a[href="/account"]`).Attr("href"); !ok || href != "/account" {
		t.Error("no Account link in the navigation")
	}
	if doc.Find(fmt.Sprintf(`main a[href="/organisations/%d/members"]`, f.org.ID)).Length() != 1 {
		t.Error("an owner's account page should link to the members page")
	}
	res, doc = b.post("/account/profile", url.Values{"name": {"  Amal Haddad  "}, "lang": {"xx"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text(doc.Find(".field-error")), "choose one of the listed languages") {
		t.Fatalf("bad language: %d %q", res.StatusCode, text(doc.Find(".field-error")))
	}
	if v, _ := doc.Find("main input#name").Attr("value"); v != "Amal Haddad" {
		t.Errorf("input not kept on error: %q", v)
	}
	res, _ = b.post("/account/profile", url.Values{"name": {"Amal Haddad"}, "lang": {"fr"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save profile: %d", res.StatusCode)
	}
	u, _ := f.db.User(context.Background(), f.owner.ID)
	if u.Name != "Amal Haddad" || u.Lang != "fr" {
		t.Errorf("profile not saved: %+v", u)
	}
	e := f.lastEvent("user.profile")
	if jsonField(t, e.Before, "name") != "owner" || jsonField(t, e.After, "name") != "Amal Haddad" || jsonField(t, e.After, "lang") != "fr" {
		t.Errorf("profile audit: before %s after %s", e.Before, e.After)
	}
	_, doc = b.get("/account")
	if v, _ := doc.Find("main select#lang option[selected]").Attr("value"); v != "fr" {
		t.Errorf("preferred language shown as %q", v)
	}
}

func TestPasswordChangeEndsOtherSessionsButNotThisOne(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.viewer.Email)
	elsewhere := f.login(f.viewer.Email)
	before := b.cookie(auth.SessionName).Value
	bad := []struct {
		form  url.Values
		field string
	}{
		{url.Values{"current_password": {"not my password"}, "new_password": {"a brand new passphrase"}, "new_password_confirm": {"a brand new passphrase"}}, "current_password"},
		{url.Values{"current_password": {testPassword}, "new_password": {"short"}, "new_password_confirm": {"short"}}, "new_password"},
		{url.Values{"current_password": {testPassword}, "new_password": {"password1234"}, "new_password_confirm": {"password1234"}}, "new_password"},
		{url.Values{"current_password": {testPassword}, "new_password": {"a brand new passphrase"}, "new_password_confirm": {"something else entirely"}}, "new_password_confirm"},
		{url.Values{"current_password": {testPassword}, "new_password": {testPassword}, "new_password_confirm": {testPassword}}, "new_password"},
	}
	for _, c := range bad {
		res, doc := b.post("/account/password", c.form)
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#"+c.field+"-error").Length() != 1 {
			t.Errorf("%v: %d, want 422 with an error beside %s (%q)", c.form, res.StatusCode, c.field, text(doc.Find(".field-error")))
		}
		if v, _ := doc.Find("#" + c.field).Attr("aria-invalid"); v != "true" {
			t.Errorf("%s not marked invalid", c.field)
		}
	}
	res, doc := b.post("/account/password", url.Values{"current_password": {testPassword}, "new_password": {"a brand new passphrase"}, "new_password_confirm": {"a brand new passphrase"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("change: %d %q", res.StatusCode, text(doc.Find("main")))
	}
	after := b.cookie(auth.SessionName).Value
	if after == before {
		t.Error("this browser kept its old session id")
	}
	if res, doc := b.get("/account"); res.StatusCode != http.StatusOK || !strings.Contains(text(doc.Find(".flash")), "Password changed") {
		t.Errorf("this browser after the change: %d %q", res.StatusCode, text(doc.Find(".flash")))
	}
	if res, _ := elsewhere.get("/account"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("other session after the change: %d, want a redirect to sign-in", res.StatusCode)
	}
	old := f.browser()
	base, _ := url.Parse(f.ts.URL)
	old.http.Jar.SetCookies(base, []*http.Cookie{{Name: auth.SessionName, Value: before, Path: "/"}})
	if res, _ := old.get("/account"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("old cookie after the change: %d", res.StatusCode)
	}
	if e := f.lastEvent("user.password"); e.UserID == nil || *e.UserID != f.viewer.ID || e.Object != fmt.Sprintf("user %d", f.viewer.ID) {
		t.Errorf("password audit event: %+v", e)
	}
	if res, _ := f.browser().post("/login", url.Values{"email": {f.viewer.Email}, "password": {testPassword}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("old password still signs in: %d", res.StatusCode)
	}
	if res, _ := f.browser().post("/login", url.Values{"email": {f.viewer.Email}, "password": {"a brand new passphrase"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("new password does not sign in: %d", res.StatusCode)
	}
}

func TestSessionsListAndSignOutEverywhere(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	other := f.login(f.coordinator.Email)
	res, doc := b.get("/account/sessions")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("sessions page: %d", res.StatusCode)
	}
	noInline(t, doc)
	rows := doc.Find("table.sessions tbody tr")
	if rows.Length() != 2 {
		t.Fatalf("want 2 sessions listed, got %d", rows.Length())
	}
	if doc.Find("tr.current-session .this-session").Length() != 1 || text(doc.Find(".this-session")) != "This session" {
		t.Error("the current session is not marked")
	}
	if ua := text(rows.First().Find(".user-agent")); !strings.Contains(ua, "Go-http-client") {
		t.Errorf("user agent shown as %q", ua)
	}
	if doc.Find("table.sessions time[datetime]").Length() != 4 {
		t.Error("created and last-seen times missing")
	}
	res, _ = b.post("/account/sessions/end-all", url.Values{})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login?signedout=everywhere" {
		t.Fatalf("sign out everywhere: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	for name, br := range map[string]*browser{"this": b, "other": other} {
		if res, _ := br.get("/account"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("%s browser still signed in: %d", name, res.StatusCode)
		}
	}
	_, doc = b.get("/login?signedout=everywhere")
	if !strings.Contains(text(doc.Find(".notice")), "signed out everywhere") {
		t.Errorf("sign-in page notice: %q", text(doc.Find(".notice")))
	}
	e := f.lastEvent("auth.signout_everywhere")
	if e.UserID == nil || *e.UserID != f.coordinator.ID || jsonField(t, e.After, "sessions_ended") != float64(2) {
		t.Errorf("audit: %+v", e)
	}
}

func TestPersonalAccessTokens(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.reviewer)
	res, doc := b.get("/account/tokens")
	if res.StatusCode != http.StatusOK || doc.Find("#new-token").Length() != 0 {
		t.Fatalf("tokens page: %d", res.StatusCode)
	}
	unlabelled(t, doc)
	for _, form := range []url.Values{{"name": {""}, "days": {"30"}}, {"name": {"x"}, "days": {"0"}}, {"name": {"x"}, "days": {"366"}}, {"name": {"x"}, "days": {"many"}}} {
		if res, doc := b.post("/account/tokens", form); res.StatusCode != http.StatusUnprocessableEntity || doc.Find(".field-error").Length() != 1 || doc.Find("#new-token").Length() != 0 {
			t.Errorf("%v: %d", form, res.StatusCode)
		}
	}
	xss := `<script>alert(1)</script>`
	res, doc = b.post("/account/tokens", url.Values{"name": {xss}, "days": {"30"}})
	tok, _ := doc.Find("#new-token").Attr("value")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(tok, auth.TokenPrefix) {
		t.Fatalf("create: %d token %q", res.StatusCode, tok)
	}
	if got := text(doc.Find("table.tokens tbody tr").First().Find("td").First()); got != xss {
		t.Errorf("token name shown as %q", got)
	}
	if html, _ := doc.Find("main").Html(); strings.Contains(html, xss) {
		t.Error("token name not escaped")
	}
	if r := f.api(tok, "GET", "/api/v1/assessments", nil); r.Status != http.StatusOK {
		t.Fatalf("new token on the API: %d", r.Status)
	}
	_, doc = b.get("/account/tokens")
	if doc.Find("#new-token").Length() != 0 || strings.Contains(docHTML(doc), tok) {
		t.Error("the token is shown again")
	}
	row := doc.Find("table.tokens tbody tr").First()
	if text(row.Find(".token-state")) != "Active" || strings.Contains(text(row), "Never") {
		t.Errorf("token row after use: %q", text(row))
	}
	id, _ := row.Attr("data-token")
	e := f.lastEvent("token.create")
	if e.Object != "token "+id || jsonField(t, e.After, "name") != xss {
		t.Errorf("create audit: %+v", e)
	}
	// Someone else's token is "not found", and stays usable.
	other := f.session(f.viewer)
	if res, _ := other.post("/account/tokens/"+id+"/revoke", url.Values{}); res.StatusCode != http.StatusNotFound {
		t.Errorf("revoking another's token: %d", res.StatusCode)
	}
	res, _ = b.post("/account/tokens/"+id+"/revoke", url.Values{})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.StatusCode)
	}
	if r := f.api(tok, "GET", "/api/v1/assessments", nil); r.Status != http.StatusUnauthorized {
		t.Errorf("revoked token on the API: %d", r.Status)
	}
	_, doc = b.get("/account/tokens")
	if state := text(doc.Find("table.tokens .token-state").First()); !strings.HasPrefix(state, "Revoked") {
		t.Errorf("state after revoking: %q", state)
	}
	if doc.Find("table.tokens form").Length() != 0 {
		t.Error("a revoked token still offers Revoke")
	}
	if e := f.lastEvent("token.revoke"); e.Object != "token "+id || e.UserID == nil || *e.UserID != f.reviewer.ID {
		t.Errorf("revoke audit: %+v", e)
	}
}

func docHTML(doc *goquery.Document) string {
	h, _ := doc.Html()
	return h
}
