package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// The account area (sign-in, password reset, account, sessions, tokens,
// members, invitations, activity) in Arabic, French and Spanish: every page
// has the right lang and dir, shows its texts translated and no English
// left over; flashes and mails follow the reader's language.

// acctLeftovers are English texts of the account pages that no
// translation contains.
var acctLeftovers = []string{
	"Sign in", "Your account", "Display name", "Preferred language", "Change password", "Your organisations",
	"Your sessions", "Sign out everywhere", "Create a token", "Your tokens", "Members of", "Invite someone",
	"Pending invitations", "Activity of", "Kind of change", "Older entries", "Forgotten password", "Choose a new password",
	"Password reset link", "Create your account", "Invitation to", "At least 12 characters", "Expires after",
	"Profile and password", "This session", "newest first", "someone not signed in", "Role changed",
}

// acctPage checks lang and dir, the title, the texts wanted (exact
// substrings of the main content) and that no English is left.
func acctPage(t *testing.T, lang, name string, res *http.Response, doc *goquery.Document, title string, want ...string) {
	t.Helper()
	if res.StatusCode != http.StatusOK {
		t.Errorf("%s %s: status %d", lang, name, res.StatusCode)
		return
	}
	html := doc.Find("html")
	wantDir := "ltr"
	if lang == "ar" {
		wantDir = "rtl"
	}
	if l, _ := html.Attr("lang"); l != lang {
		t.Errorf("%s %s: lang=%q", lang, name, l)
	}
	if d, _ := html.Attr("dir"); d != wantDir {
		t.Errorf("%s %s: dir=%q", lang, name, d)
	}
	if got := text(doc.Find("title")); title != "" && !strings.HasPrefix(got, acctNorm(title)) {
		t.Errorf("%s %s: title %q, want it to start with %q", lang, name, got, title)
	}
	main := text(doc.Find("main"))
	for _, w := range want {
		if !strings.Contains(main, acctNorm(w)) {
			t.Errorf("%s %s: no %q in %q", lang, name, w, main)
		}
	}
	// Attributes a screen reader reads count too.
	var attrs []string
	doc.Find("main [aria-label], main [title], main [placeholder]").Each(func(_ int, s *goquery.Selection) {
		for _, a := range []string{"aria-label", "title", "placeholder"} {
			if v, ok := s.Attr(a); ok {
				attrs = append(attrs, v)
			}
		}
	})
	all := main + " " + strings.Join(attrs, " ")
	for _, en := range acctLeftovers {
		if strings.Contains(all, en) {
			t.Errorf("%s %s: English %q left in %q", lang, name, en, all)
		}
	}
}

// acctNorm is a text as text() reads it from a page: spaces (no-break ones
// too, as in French) collapsed.
func acctNorm(s string) string { return strings.Join(strings.Fields(s), " ") }

// acctChooseLanguage chooses the interface language the way a person does,
// with the switcher every page has.
func acctChooseLanguage(t *testing.T, b *browser, lang string) {
	t.Helper()
	if res, _ := b.post("/language", url.Values{"lang": {lang}, "next": {"/"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to %s: %d", lang, res.StatusCode)
	}
}

func TestAccountPagesTranslated(t *testing.T) {
	mb := newMailbox()
	f := fixtureWith(t, withMail(mb))
	bundle := i18n.Default()
	literal := map[string]map[string]string{ // a few texts as a translator wrote them
		"ar": {"login": "تسجيل الدخول", "account": "حسابك", "members": "الدعوات المعلّقة", "activity": "نوع التغيير", "role": "منسّق"},
		"fr": {"login": "Connexion", "account": "Votre compte", "members": "Invitations en attente", "activity": "Type de modification", "role": "coordonnateur"},
		"es": {"login": "Iniciar sesión", "account": "Su cuenta", "members": "Invitaciones pendientes", "activity": "Tipo de cambio", "role": "coordinador"},
	}
	for _, lang := range []string{"ar", "fr", "es"} {
		tr := bundle.For(lang)
		lit := literal[lang]

		// Signed out: sign-in and forgotten password pages.
		guest := f.browser()
		acctChooseLanguage(t, guest, lang)
		res, doc := guest.get("/login")
		acctPage(t, lang, "login", res, doc, tr.T("LoginTitle"), lit["login"], tr.T("AcctPassword"), tr.T("LoginForgot"))
		if text(doc.Find("main button[type=submit]")) != acctNorm(tr.T("LoginButton")) {
			t.Errorf("%s login button: %q", lang, text(doc.Find("main button[type=submit]")))
		}
		res, doc = guest.get("/login?signedout=everywhere")
		acctPage(t, lang, "login notice", res, doc, "", tr.T("LoginSignedOutEverywhere"))
		res, doc = guest.post("/login", url.Values{"email": {"nobody@example.org"}, "password": {"not the password"}})
		if res.StatusCode != http.StatusUnauthorized || text(doc.Find(".error-message")) != acctNorm(tr.T("The email or password is not correct.")) {
			t.Errorf("%s failed sign-in: %d %q", lang, res.StatusCode, text(doc.Find(".error-message")))
		}
		res, doc = guest.get("/password-reset")
		acctPage(t, lang, "password_forgot", res, doc, tr.T("ResetForgotTitle"), tr.T("ResetAskEmail"), tr.T("ResetSend"))
		res, doc = guest.post("/password-reset", url.Values{"email": {"stranger@example.org"}})
		acctPage(t, lang, "password_forgot sent", res, doc, "", "stranger@example.org")
		if res, doc := guest.post("/password-reset", url.Values{"email": {"not an address"}}); res.StatusCode != http.StatusUnprocessableEntity ||
			text(doc.Find("#email-error")) != acctNorm(tr.T("AcctFieldError", "Field", tr.T("AcctEmail"), "Message", tr.T("is not a valid email address"))) {
			t.Errorf("%s bad email: %d %q", lang, res.StatusCode, text(doc.Find("#email-error")))
		}

		// Signed in: account, sessions, tokens.
		owner := f.session(f.owner)
		acctChooseLanguage(t, owner, lang)
		res, doc = owner.get("/account")
		acctPage(t, lang, "account", res, doc, tr.T("AcctTitle"), lit["account"], tr.T("AcctDisplayName"), tr.T("AcctChangePassword"),
			tr.T("AcctYourOrganisations"), tr.T("AcctRole_owner"), tr.T("AcctNavSessions"))
		if v, _ := doc.Find("main nav.subnav").Attr("aria-label"); v != tr.T("AcctNavLabel") {
			t.Errorf("%s account navigation label %q", lang, v)
		}
		res, doc = owner.post("/account/password", url.Values{"current_password": {testPassword}, "new_password": {"short"}, "new_password_confirm": {"short"}})
		wantErr := tr.T("AcctFieldError", "Field", tr.T("AcctNewPassword"), "Message", fmt.Sprintf(tr.T("must have at least %d characters"), 12))
		if res.StatusCode != http.StatusUnprocessableEntity || text(doc.Find("#new_password-error")) != acctNorm(wantErr) {
			t.Errorf("%s weak password: %d %q, want %q", lang, res.StatusCode, text(doc.Find("#new_password-error")), wantErr)
		}
		res, doc = owner.get("/account/sessions")
		acctPage(t, lang, "account_sessions", res, doc, tr.T("AcctSessionsTitle"), tr.T("AcctSessionsIntro"), tr.T("AcctThisSession"), tr.T("AcctSignOutEverywhere"))
		res, doc = owner.post("/account/tokens", url.Values{"name": {"Nightly export"}, "days": {"30"}})
		acctPage(t, lang, "account_tokens", res, doc, tr.T("AcctTokensTitle"), tr.T("AcctNewTokenHeading", "Name", "Nightly export"),
			tr.T("AcctCreateTokenHeading"), tr.T("AcctTokenActive"), tr.T("AcctNever"))
		id, _ := doc.Find("table.tokens tbody tr").First().Attr("data-token")
		owner.post("/account/tokens/"+id+"/revoke", url.Values{})
		_, doc = owner.get("/account/tokens")
		if got := text(doc.Find(".flash")); got != acctNorm(tr.T("AcctFlashTokenRevoked")) {
			t.Errorf("%s revoke flash %q", lang, got)
		}
		if got := text(doc.Find("table.tokens .token-state").First()); !strings.HasPrefix(got, strings.Fields(tr.T("AcctTokenRevokedOn", "Date", ""))[0]) {
			t.Errorf("%s revoked state %q", lang, got)
		}

		// Members: the list, a role change, an invitation (mailed in the
		// page's language to someone without an account).
		members := fmt.Sprintf("/organisations/%d/members", f.org.ID)
		res, doc = owner.get(members)
		acctPage(t, lang, "members", res, doc, tr.T("MembersTitle", "Name", f.org.Name), lit["members"], tr.T("InviteHeading"),
			tr.T("AcctRoleHelp_reviewer"), lit["role"])
		if got := text(doc.Find(fmt.Sprintf(`tr[data-user="%d"] select option[selected]`, f.coordinator.ID))); got != lit["role"] {
			t.Errorf("%s coordinator's role shown as %q", lang, got)
		}
		owner.post(fmt.Sprintf("%s/%d/role", members, f.viewer.ID), url.Values{"role": {"reviewer"}})
		_, doc = owner.get(members)
		if got := text(doc.Find(".flash")); got != acctNorm(tr.T("MembersFlashRoleChanged", "Role", tr.T("AcctRole_reviewer"))) {
			t.Errorf("%s role flash %q", lang, got)
		}
		owner.post(fmt.Sprintf("%s/%d/role", members, f.viewer.ID), url.Values{"role": {"viewer"}})
		guestEmail := lang + ".guest@example.org"
		res, doc = owner.post(fmt.Sprintf("/organisations/%d/invitations", f.org.ID), url.Values{"email": {guestEmail}, "role": {"contributor"}})
		acctPage(t, lang, "members new invitation", res, doc, "", tr.T("InviteLink"), tr.T("AcctMailSent", "Email", guestEmail))
		link, _ := doc.Find("#new-link").Attr("value")
		m := mb.wait(t)
		if m.To != guestEmail || m.Subject != tr.T("InviteMailSubject", "Org", f.org.Name) || !strings.Contains(m.Body, tr.T("AcctRole_contributor")) || !strings.Contains(m.Body, link) {
			t.Errorf("%s invitation mail: %+v", lang, m)
		}
		if res, doc := owner.post(fmt.Sprintf("/organisations/%d/invitations", f.org.ID), url.Values{"email": {f.viewer.Email}, "role": {"viewer"}}); res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(text(doc.Find("#invite-email-error")), acctNorm(tr.T("belongs to someone who is already a member; change their role in the list instead"))) {
			t.Errorf("%s inviting a member: %q", lang, text(doc.Find("#invite-email-error")))
		}

		// The invitation page, opened by the invited person.
		invited := f.browser()
		acctChooseLanguage(t, invited, lang)
		p := strings.TrimPrefix(link, "https://mnr.example.org")
		res, doc = invited.get(p)
		acctPage(t, lang, "invitation", res, doc, tr.T("InviteTitle", "Org", f.org.Name), tr.T("InviteCreateAccount"), tr.T("InviteYourName"),
			tr.T("AcctRole_contributor"), tr.T("AcctRoleHelp_contributor"))
		if v, _ := doc.Find("main select#lang option[selected]").Attr("value"); v != lang {
			t.Errorf("%s invitation: preferred language offered %q", lang, v)
		}
		if res, _ := invited.post(p, url.Values{"name": {"Guest " + lang}, "lang": {lang}, "password": {"olive trees by the river"}, "password_confirm": {"olive trees by the river"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s accept: %d", lang, res.StatusCode)
		}
		if _, doc := invited.get("/"); text(doc.Find(".flash")) != acctNorm(tr.T("InviteFlashWelcome", "Org", f.org.Name, "Role", tr.T("AcctRole_contributor"))) {
			t.Errorf("%s welcome flash %q", lang, text(doc.Find(".flash")))
		}
		if res, doc := invited.get(p); res.StatusCode != http.StatusNotFound ||
			text(doc.Find(".error-message")) != acctNorm(tr.T("This invitation link is not valid: it may have expired, been used already or been withdrawn. Ask for a new one.")) {
			t.Errorf("%s used invitation: %d %q", lang, res.StatusCode, text(doc.Find(".error-message")))
		}

		// Activity, read by the owner.
		res, doc = owner.get(fmt.Sprintf("/organisations/%d/activity", f.org.ID))
		acctPage(t, lang, "activity", res, doc, tr.T("ActivityTitle", "Name", f.org.Name), lit["activity"], tr.T("ActivityIntro"),
			tr.T("ActivityAction_membership.role"), tr.T("ActivityAction_invitation.accept"))
		arrow := "→"
		if lang == "ar" {
			arrow = "←"
		}
		if ch := text(doc.Find("ul.changes li").First()); !strings.Contains(ch, arrow) {
			t.Errorf("%s activity change %q lacks %s", lang, ch, arrow)
		}
		if res, doc := owner.get(fmt.Sprintf("/organisations/%d/activity?from=31/12/2026", f.org.ID)); res.StatusCode != http.StatusUnprocessableEntity ||
			text(doc.Find("#f-from-error")) != acctNorm(tr.T("AcctFieldError", "Field", tr.T("ActivityFrom"), "Message", tr.T("must be a date such as 2026-03-31"))) {
			t.Errorf("%s bad date: %q", lang, text(doc.Find("#f-from-error")))
		}
		coordinator := f.session(f.coordinator)
		acctChooseLanguage(t, coordinator, lang)
		if res, doc := coordinator.get(members); res.StatusCode != http.StatusForbidden ||
			text(doc.Find(".error-message")) != acctNorm(tr.T("Only the organisation's owners can see and manage its members.")) {
			t.Errorf("%s coordinator on members: %d %q", lang, res.StatusCode, text(doc.Find(".error-message")))
		}

		// Password reset by an administrator: the page saying it was
		// mailed, the mail in the user's own language, the reset page.
		admin := f.session(f.admin)
		acctChooseLanguage(t, admin, lang)
		res, doc = admin.post(fmt.Sprintf("/users/%d/password-reset", f.reviewer.ID), url.Values{"back": {members}})
		acctPage(t, lang, "password_reset_link", res, doc, tr.T("ResetLinkTitle", "Name", f.reviewer.Name), tr.T("AcctBack"), f.reviewer.Email)
		sent := mb.wait(t)
		if sent.Subject != "Choose a new password for MNR Self-Assessment" {
			t.Errorf("%s: reset mail to an English-speaking user: %q", lang, sent.Subject)
		}
		res, doc = guest.get(mailedLink(t, sent, f.reviewer.Email))
		acctPage(t, lang, "password_reset", res, doc, tr.T("ResetChooseTitle"), tr.T("ResetPasswordHint"), tr.T("ResetSet"), f.reviewer.Email)
	}
}

// Mails go in the recipient's language when it is known.
func TestAccountMailsInRecipientsLanguage(t *testing.T) {
	mb := newMailbox()
	f := fixtureWith(t, withMail(mb))
	ctx := context.Background()
	if err := f.db.SetUserProfile(ctx, assessment.System, f.outsider.ID, f.outsider.Name, "es"); err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetUserProfile(ctx, assessment.System, f.viewer.ID, f.viewer.Name, "ar"); err != nil {
		t.Fatal(err)
	}
	es, ar, fr := i18n.Default().For("es"), i18n.Default().For("ar"), i18n.Default().For("fr")

	// An owner reading French invites someone who reads Spanish: the mail is
	// in Spanish, the note on screen in French.
	owner := f.session(f.owner)
	acctChooseLanguage(t, owner, "fr")
	_, doc := owner.post(fmt.Sprintf("/organisations/%d/invitations", f.org.ID), url.Values{"email": {f.outsider.Email}, "role": {"reviewer"}})
	if got := text(doc.Find(".mail-note")); got != acctNorm(fr.T("AcctMailSent", "Email", f.outsider.Email)) {
		t.Errorf("mail note %q", got)
	}
	m := mb.wait(t)
	if m.Subject != es.T("InviteMailSubject", "Org", f.org.Name) || !strings.Contains(m.Body, "revisor") || !strings.Contains(m.Body, "Abra este enlace") {
		t.Errorf("invitation mail to a Spanish reader: %+v", m)
	}

	// A forgotten password asked for from an English page: the mail is in
	// the account's language (Arabic).
	guest := f.browser()
	guest.post("/password-reset", url.Values{"email": {f.viewer.Email}})
	m = mb.wait(t)
	if m.Subject != ar.T("ResetMailSubject") || !strings.Contains(m.Body, "https://mnr.example.org/password-reset/") {
		t.Errorf("reset mail to an Arabic reader: %+v", m)
	}
	// Setting the new password signs the account in; the next page, and its
	// flash, are in the account's language.
	i := strings.Index(m.Body, "https://mnr.example.org/password-reset/")
	p := strings.TrimPrefix(strings.Fields(m.Body[i:])[0], "https://mnr.example.org")
	if res, _ := guest.post(p, url.Values{"password": {"a fresh start at last"}, "password_confirm": {"a fresh start at last"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset: %d", res.StatusCode)
	}
	_, doc = guest.get("/")
	if d, _ := doc.Find("html").Attr("dir"); d != "rtl" || text(doc.Find(".flash")) != acctNorm(ar.T("SafetyPasswordReset", "Count", 0)) {
		t.Errorf("after the reset: dir %q flash %q", d, text(doc.Find(".flash")))
	}
}
