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

func roleOf(t testing.TB, a *app, orgID, userID int64) assessment.Role {
	t.Helper()
	ms, err := a.db.Memberships(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.OrganisationID == orgID {
			return m.Role
		}
	}
	return ""
}

func TestMembersPageAccess(t *testing.T) {
	f := newFixture(t)
	path := fmt.Sprintf("/organisations/%d/members", f.org.ID)
	res, doc := f.session(f.owner).get(path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("owner: %d", res.StatusCode)
	}
	noInline(t, doc)
	unlabelled(t, doc)
	rows := doc.Find("table.members tbody tr")
	if rows.Length() != 5 {
		t.Errorf("want 5 members, got %d", rows.Length())
	}
	row := doc.Find(fmt.Sprintf(`tr[data-user="%d"]`, f.contributor.ID))
	if v, _ := row.Find("select[name=role] option[selected]").Attr("value"); v != "contributor" {
		t.Errorf("contributor's role shown as %q", v)
	}
	if doc.Find(`form[action^="/users/"]`).Length() != 0 {
		t.Error("owners must not be offered password reset links")
	}
	if doc.Find(fmt.Sprintf(`a[href="/organisations/%d/activity"]`, f.org.ID)).Length() != 1 {
		t.Error("no link to the activity page")
	}
	res, doc = f.session(f.coordinator).get(path)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(text(doc.Find(".error-message")), "owners") {
		t.Errorf("coordinator: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	if res, _ := f.session(f.outsider).get(path); res.StatusCode != http.StatusNotFound {
		t.Errorf("member of another organisation: %d, want 404", res.StatusCode)
	}
	if res, _ := f.session(f.owner).get("/organisations/999999/members"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown organisation: %d", res.StatusCode)
	}
	res, doc = f.session(f.admin).get(path)
	if res.StatusCode != http.StatusOK || doc.Find(`form[action^="/users/"]`).Length() != 0 { // no mail: no reset link to send
		t.Errorf("administrator: %d, %d reset forms", res.StatusCode, doc.Find(`form[action^="/users/"]`).Length())
	}
	// Links from the organisations list and the home page, where allowed.
	_, doc = f.session(f.owner).get("/organisations")
	if doc.Find(`a[href="`+path+`"]`).Length() != 1 {
		t.Error("organisations page lacks the members link for an owner")
	}
	_, doc = f.session(f.owner).get("/")
	if doc.Find(`a[href="`+path+`"]`).Length() != 1 {
		t.Error("home page lacks the members link for an owner")
	}
	_, doc = f.session(f.viewer).get("/organisations")
	if doc.Find(`a[href="`+path+`"]`).Length() != 0 || doc.Find(`a[href$="/activity"]`).Length() != 0 {
		t.Error("a viewer is offered links they may not follow")
	}
}

func TestChangeRoleAndRemoveMember(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.owner)
	base := fmt.Sprintf("/organisations/%d/members/", f.org.ID)
	if res, _ := b.post(base+fmt.Sprint(f.viewer.ID)+"/role", url.Values{"role": {"emperor"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("unknown role: %d", res.StatusCode)
	}
	res, _ := b.post(base+fmt.Sprint(f.viewer.ID)+"/role", url.Values{"role": {"reviewer"}})
	if res.StatusCode != http.StatusSeeOther || roleOf(t, f.app, f.org.ID, f.viewer.ID) != assessment.RoleReviewer {
		t.Fatalf("change role: %d", res.StatusCode)
	}
	e := f.lastEvent("membership.role")
	if e.OrganisationID != f.org.ID || e.Object != fmt.Sprintf("user %d", f.viewer.ID) || jsonField(t, e.Before, "role") != "viewer" || jsonField(t, e.After, "role") != "reviewer" {
		t.Errorf("role audit: %+v", e)
	}
	// Someone outside the organisation is not a member here.
	if res, _ := b.post(base+fmt.Sprint(f.outsider.ID)+"/role", url.Values{"role": {"viewer"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("role of a non-member: %d", res.StatusCode)
	}
	// The last owner keeps the owner role and cannot be removed.
	res, doc := b.post(base+fmt.Sprint(f.owner.ID)+"/role", url.Values{"role": {"viewer"}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(text(doc.Find(".error-message")), "at least one owner") {
		t.Errorf("demoting the last owner: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	if res, _ := b.post(base+fmt.Sprint(f.owner.ID)+"/remove", url.Values{}); res.StatusCode != http.StatusConflict {
		t.Errorf("removing the last owner: %d", res.StatusCode)
	}
	// Removing a contributor also takes back their assignments.
	res, _ = b.post(base+fmt.Sprint(f.contributor.ID)+"/remove", url.Values{})
	if res.StatusCode != http.StatusSeeOther || roleOf(t, f.app, f.org.ID, f.contributor.ID) != "" {
		t.Fatalf("remove: %d", res.StatusCode)
	}
	if as, _ := f.db.AssignmentsOf(context.Background(), f.contributor.ID); len(as[f.assess.ID]) != 0 {
		t.Errorf("assignments kept after removal: %v", as)
	}
	if e := f.lastEvent("membership.remove"); e.OrganisationID != f.org.ID || jsonField(t, e.Before, "role") != "contributor" || e.After != "" {
		t.Errorf("remove audit: %+v", e)
	}
	if res, _ := f.session(f.contributor).get(fmt.Sprintf("/assessments/%d", f.assess.ID)); res.StatusCode != http.StatusNotFound {
		t.Errorf("removed member still sees the assessment: %d", res.StatusCode)
	}
	// With a second owner, the first may step down.
	f.member(f.coordinator, f.org, assessment.RoleOwner)
	if res, _ := b.post(base+fmt.Sprint(f.owner.ID)+"/role", url.Values{"role": {"coordinator"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("stepping down with another owner: %d", res.StatusCode)
	}
}

func TestInvitationCreatesAccountAndMembership(t *testing.T) {
	f := newFixture(t)
	owner := f.session(f.owner)
	path := fmt.Sprintf("/organisations/%d/invitations", f.org.ID)
	res, doc := owner.post(path, url.Values{"email": {"not an email"}, "role": {"viewer"}})
	if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#invite-email-error").Length() != 1 {
		t.Errorf("bad email: %d", res.StatusCode)
	}
	if v, _ := doc.Find("#invite-email").Attr("value"); v != "not an email" {
		t.Errorf("input not kept: %q", v)
	}
	res, doc = owner.post(path, url.Values{"email": {f.viewer.Email}, "role": {"viewer"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text(doc.Find("#invite-email-error")), "already a member") {
		t.Errorf("inviting a member: %d %q", res.StatusCode, text(doc.Find("#invite-email-error")))
	}
	res, doc = owner.post(path, url.Values{"email": {"  Nadia@Example.org "}, "role": {"contributor"}})
	link, _ := doc.Find("#new-link").Attr("value")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(link, f.ts.URL+"/invitations/") {
		t.Fatalf("invite: %d link %q", res.StatusCode, link)
	}
	if !strings.Contains(text(doc.Find(".new-secret")), "nadia@example.org") || doc.Find(".mail-note").Length() != 0 {
		t.Errorf("new invitation panel: %q", text(doc.Find(".new-secret")))
	}
	if got := text(doc.Find("table.invitations tbody tr").First().Find("td").First()); got != "nadia@example.org" {
		t.Errorf("pending invitation shown as %q", got)
	}
	e := f.lastEvent("invitation.create")
	if e.OrganisationID != f.org.ID || jsonField(t, e.After, "email") != "nadia@example.org" || jsonField(t, e.After, "role") != "contributor" {
		t.Errorf("invitation audit: %+v", e)
	}
	secret := strings.TrimPrefix(link, f.ts.URL+"/invitations/")
	if strings.Contains(e.After, secret) {
		t.Error("the secret is in the audit trail")
	}
	// The invited person opens the link and creates an account.
	p := strings.TrimPrefix(link, f.ts.URL)
	guest := f.browser()
	res, doc = guest.get(p)
	if res.StatusCode != http.StatusOK || doc.Find("main form input[name=password]").Length() != 1 {
		t.Fatalf("invitation page: %d", res.StatusCode)
	}
	noInline(t, doc)
	unlabelled(t, doc)
	if !strings.Contains(text(doc.Find("main")), f.org.Name) || !strings.Contains(text(doc.Find("main")), "contributor") {
		t.Errorf("invitation page does not say what it is: %q", text(doc.Find("main")))
	}
	res, doc = guest.post(p, url.Values{"name": {"Nadia"}, "lang": {"ar"}, "password": {"tooshort"}, "password_confirm": {"tooshort"}})
	if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#password-error").Length() != 1 {
		t.Errorf("weak password: %d", res.StatusCode)
	}
	if v, _ := doc.Find("main input#name").Attr("value"); v != "Nadia" {
		t.Errorf("name not kept: %q", v)
	}
	res, _ = guest.post(p, url.Values{"name": {"Nadia"}, "lang": {"ar"}, "password": {"olive trees by the river"}, "password_confirm": {"olive trees by the river"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("accept: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	u, err := f.db.UserByEmail(context.Background(), "nadia@example.org")
	if err != nil || u.Name != "Nadia" || u.Lang != "ar" || !auth.VerifyPassword(u.PasswordHash, "olive trees by the river") {
		t.Fatalf("account: %+v %v", u, err)
	}
	if roleOf(t, f.app, f.org.ID, u.ID) != assessment.RoleContributor {
		t.Error("no contributor membership")
	}
	if res, _ := guest.get(fmt.Sprintf("/assessments/%d", f.assess.ID)); res.StatusCode != http.StatusOK {
		t.Errorf("new member is not signed in or cannot see the assessment: %d", res.StatusCode)
	}
	if e := f.lastEvent("invitation.accept"); e.UserID == nil || *e.UserID != u.ID || e.OrganisationID != f.org.ID {
		t.Errorf("accept audit: %+v", e)
	}
	if e := f.lastEvent("membership.set"); e.Object != fmt.Sprintf("user %d", u.ID) || jsonField(t, e.After, "role") != "contributor" {
		t.Errorf("membership audit: %+v", e)
	}
	// One time only.
	res, doc = f.browser().get(p)
	if res.StatusCode != http.StatusNotFound || !strings.Contains(text(doc.Find(".error-message")), "not valid") {
		t.Errorf("used link: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	_, doc = owner.get(fmt.Sprintf("/organisations/%d/members", f.org.ID))
	if doc.Find("table.invitations").Length() != 0 {
		t.Error("an accepted invitation is still pending")
	}
}

func TestInvitationForAnExistingAccount(t *testing.T) {
	f := newFixture(t)
	link := f.invite(f.org, f.outsider.Email, assessment.RoleViewer)
	guest := f.browser()
	_, doc := guest.get(link)
	signIn, _ := doc.Find(`main a[href^="/login"]`).Attr("href")
	if signIn != "/login?next="+link || doc.Find("main input[name=password]").Length() != 0 {
		t.Fatalf("existing account: sign-in link %q", signIn)
	}
	if res, _ := guest.post(link, url.Values{}); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
		t.Errorf("accepting before signing in: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	// Signed in as somebody else: told so, and refused.
	wrong := f.session(f.viewer)
	res, doc := wrong.get(link)
	if res.StatusCode != http.StatusOK || !strings.Contains(text(doc.Find(".notice")), "Sign out") {
		t.Errorf("wrong account: %d %q", res.StatusCode, text(doc.Find(".notice")))
	}
	if res, _ := wrong.post(link, url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("accepting as the wrong account: %d", res.StatusCode)
	}
	// Signing in returns to the invitation, which is then accepted.
	b := f.browser()
	res, _ = b.post("/login", url.Values{"email": {f.outsider.Email}, "password": {testPassword}, "next": {link}})
	if res.Header.Get("Location") != link {
		t.Fatalf("sign-in did not return to the invitation: %q", res.Header.Get("Location"))
	}
	_, doc = b.get(link)
	if doc.Find(`main form[action="`+link+`"] button`).Length() != 1 {
		t.Fatal("no accept button")
	}
	res, _ = b.post(link, url.Values{})
	if res.StatusCode != http.StatusSeeOther || roleOf(t, f.app, f.org.ID, f.outsider.ID) != assessment.RoleViewer {
		t.Fatalf("accept: %d", res.StatusCode)
	}
	if roleOf(t, f.app, f.other.ID, f.outsider.ID) != assessment.RoleOwner {
		t.Error("the other membership changed")
	}
	if res, _ := b.get(fmt.Sprintf("/assessments/%d", f.assess.ID)); res.StatusCode != http.StatusOK {
		t.Errorf("after joining: %d", res.StatusCode)
	}
}

func TestInvitationMailedWhenMailIsConfigured(t *testing.T) {
	mb := newMailbox()
	f := fixtureWith(t, withMail(mb))
	_, doc := f.session(f.owner).post(fmt.Sprintf("/organisations/%d/invitations", f.org.ID), url.Values{"email": {"omar@example.org"}, "role": {"reviewer"}})
	link, _ := doc.Find("#new-link").Attr("value")
	if !strings.HasPrefix(link, "https://mnr.example.org/invitations/") {
		t.Errorf("link %q does not use the public address", link)
	}
	if !strings.Contains(text(doc.Find(".mail-note")), "sent by email to omar@example.org") {
		t.Errorf("mail note: %q", text(doc.Find(".mail-note")))
	}
	m := mb.wait(t)
	if m.To != "omar@example.org" || !strings.Contains(m.Subject, f.org.Name) || !strings.Contains(m.Body, link) || !strings.Contains(m.Body, "reviewer") {
		t.Errorf("mail: %+v", m)
	}
}

func TestInvitationRevokedOrExpired(t *testing.T) {
	f := newFixture(t)
	link := f.invite(f.org, "late@example.org", assessment.RoleViewer)
	owner := f.session(f.owner)
	_, doc := owner.get(fmt.Sprintf("/organisations/%d/members", f.org.ID))
	id, _ := doc.Find("table.invitations tbody tr").First().Attr("data-invitation")
	// Another organisation's owner cannot withdraw it.
	if res, _ := f.session(f.outsider).post(fmt.Sprintf("/organisations/%d/invitations/%s/revoke", f.other.ID, id), url.Values{}); res.StatusCode != http.StatusNotFound {
		t.Errorf("revoking through another organisation: %d", res.StatusCode)
	}
	res, _ := owner.post(fmt.Sprintf("/organisations/%d/invitations/%s/revoke", f.org.ID, id), url.Values{})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.StatusCode)
	}
	if e := f.lastEvent("invitation.revoke"); e.Object != "invitation "+id || jsonField(t, e.Before, "email") != "late@example.org" {
		t.Errorf("revoke audit: %+v", e)
	}
	if res, _ := f.browser().get(link); res.StatusCode != http.StatusNotFound {
		t.Errorf("revoked link: %d", res.StatusCode)
	}
	secret := auth.NewSecret(32)
	if _, err := f.db.CreateInvitation(context.Background(), assessment.System, assessment.Invitation{OrganisationID: f.org.ID, Email: "old@example.org",
		Role: assessment.RoleViewer, Hash: auth.HashToken(secret), ExpiresAt: time.Now().Add(-time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if res, _ := f.browser().get("/invitations/" + secret); res.StatusCode != http.StatusNotFound {
		t.Errorf("expired link: %d", res.StatusCode)
	}
}

func TestPasswordResetLinkByAdministrator(t *testing.T) {
	mb := newMailbox()
	f := fixtureWith(t, withMail(mb))
	path := fmt.Sprintf("/users/%d/password-reset", f.viewer.ID)
	if res, doc := f.session(f.owner).post(path, url.Values{}); res.StatusCode != http.StatusForbidden || !strings.Contains(text(doc.Find(".error-message")), "platform administrators") {
		t.Errorf("owner: %d", res.StatusCode)
	}
	if res, _ := f.session(f.outsider).post(path, url.Values{}); res.StatusCode != http.StatusNotFound {
		t.Errorf("outsider: %d", res.StatusCode)
	}
	victim := f.login(f.viewer.Email)
	admin := f.session(f.admin)
	admin.post(path, url.Values{"back": {"//evil.example"}})
	first := mailedLink(t, mb.wait(t), f.viewer.Email)
	res, doc := admin.post(path, url.Values{"back": {fmt.Sprintf("/organisations/%d/members", f.org.ID)}})
	link := mailedLink(t, mb.wait(t), f.viewer.Email)
	if res.StatusCode != http.StatusOK || link == first || !strings.Contains(text(doc.Find("main")), f.viewer.Email) {
		t.Fatalf("reset link: %d %q", res.StatusCode, link)
	}
	// The administrator never sees the link: only its owner's mailbox does.
	if html, _ := doc.Html(); strings.Contains(html, "/password-reset/") || strings.Contains(html, strings.TrimPrefix(link, "https://mnr.example.org/password-reset/")) {
		t.Error("the reset link is shown to the administrator")
	}
	if back, _ := doc.Find(`main a:contains("Back")`).Attr("href"); back != fmt.Sprintf("/organisations/%d/members", f.org.ID) {
		t.Errorf("back link %q", back)
	}
	if e := f.lastEvent("password.reset_link"); e.Object != fmt.Sprintf("user %d", f.viewer.ID) || *e.UserID != f.admin.ID {
		t.Errorf("reset link audit: %+v", e)
	}
	if res, _ := f.browser().get(first); res.StatusCode != http.StatusNotFound {
		t.Errorf("an older link still works: %d", res.StatusCode)
	}
	p := link
	guest := f.browser()
	res, doc = guest.get(p)
	if res.StatusCode != http.StatusOK || !strings.Contains(text(doc.Find("main")), f.viewer.Email) {
		t.Fatalf("reset page: %d", res.StatusCode)
	}
	unlabelled(t, doc)
	if res, doc := guest.post(p, url.Values{"password": {"letmein"}, "password_confirm": {"letmein"}}); res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#password-error").Length() != 1 {
		t.Errorf("weak password: %d", res.StatusCode)
	}
	res, _ = guest.post(p, url.Values{"password": {"a fresh start at last"}, "password_confirm": {"a fresh start at last"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset: %d", res.StatusCode)
	}
	if res, _ := guest.get("/account"); res.StatusCode != http.StatusOK {
		t.Errorf("not signed in after the reset: %d", res.StatusCode)
	}
	if res, _ := victim.get("/account"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the earlier session survived the reset: %d", res.StatusCode)
	}
	if e := f.lastEvent("password.reset"); e.UserID == nil || *e.UserID != f.viewer.ID {
		t.Errorf("reset audit: %+v", e)
	}
	if res, _ := f.browser().get(p); res.StatusCode != http.StatusNotFound {
		t.Errorf("used reset link: %d", res.StatusCode)
	}
	if res, _ := f.browser().post("/login", url.Values{"email": {f.viewer.Email}, "password": {"a fresh start at last"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("new password: %d", res.StatusCode)
	}
}

func TestForgottenPassword(t *testing.T) {
	f := newFixture(t)
	_, doc := f.browser().get("/password-reset")
	if !strings.Contains(text(doc.Find("main")), "Ask a platform administrator") || doc.Find("main input[name=email]").Length() != 0 {
		t.Errorf("without mail: %q", text(doc.Find("main")))
	}
	mb := newMailbox()
	m := fixtureWith(t, withMail(mb))
	b := m.browser()
	_, doc = b.get("/login")
	if doc.Find(`a[href="/password-reset"]`).Length() != 1 {
		t.Error("sign-in page lacks the forgotten password link")
	}
	_, doc = b.get("/password-reset")
	unlabelled(t, doc)
	res, known := b.post("/password-reset", url.Values{"email": {m.viewer.Email}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("request: %d", res.StatusCode)
	}
	msg := mb.wait(t).Body
	_, unknown := m.browser().post("/password-reset", url.Values{"email": {"stranger@example.org"}})
	if a, b := text(known.Find("main .flash")), text(unknown.Find("main .flash")); a == "" || strings.ReplaceAll(a, m.viewer.Email, "X") != strings.ReplaceAll(b, "stranger@example.org", "X") {
		t.Errorf("answers differ for known and unknown emails: %q vs %q", a, b)
	}
	time.Sleep(50 * time.Millisecond)
	if mb.count() != 1 {
		t.Errorf("%d mails sent, want 1", mb.count())
	}
	i := strings.Index(msg, "https://mnr.example.org/password-reset/")
	if i < 0 {
		t.Fatalf("mail has no link: %q", msg)
	}
	p := strings.TrimPrefix(strings.Fields(msg[i:])[0], "https://mnr.example.org")
	if res, _ := m.browser().get(p); res.StatusCode != http.StatusOK {
		t.Errorf("mailed link: %d", res.StatusCode)
	}
}

// mailedLink is the path of the reset link in a mail to the user.
func mailedLink(t *testing.T, m sentMail, to string) string {
	t.Helper()
	i := strings.Index(m.Body, "https://mnr.example.org/password-reset/")
	if m.To != to || i < 0 {
		t.Fatalf("mail to %s: %q", m.To, m.Body)
	}
	return strings.TrimPrefix(strings.Fields(m.Body[i:])[0], "https://mnr.example.org")
}

// Without mail a reset link would have to be shown to the administrator,
// so none is made: the operator prints one with the command line.
func TestNoResetLinkWithoutMail(t *testing.T) {
	f := newFixture(t)
	res, doc := f.session(f.admin).post(fmt.Sprintf("/users/%d/password-reset", f.viewer.ID), url.Values{})
	if res.StatusCode != http.StatusConflict || !strings.Contains(text(doc.Find(".error-message")), "mnr user reset-link") {
		t.Errorf("no mail: %d %q", res.StatusCode, text(doc.Find(".error-message")))
	}
	if html, _ := doc.Html(); strings.Contains(html, "/password-reset/") {
		t.Error("a reset link is shown")
	}
	if n := len(f.events("password.reset_link")); n != 0 {
		t.Errorf("%d links made", n)
	}
}
