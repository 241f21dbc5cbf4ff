package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// clock is a settable time source for sessions and rate limits, so tests
// move time forward instead of sleeping.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Now().UTC()} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// withClock makes the server read time from c.
func withClock(c *clock) func(*web.Config) { return func(cfg *web.Config) { cfg.Now = c.Now } }

// mailbox is a fake mail.Sender that keeps what it is given.
type mailbox struct {
	mu   sync.Mutex
	msgs []sentMail
	sent chan sentMail
}

type sentMail struct{ To, Subject, Body string }

func newMailbox() *mailbox { return &mailbox{sent: make(chan sentMail, 100)} }

func (m *mailbox) Send(_ context.Context, to, subject, body string) error {
	m.mu.Lock()
	m.msgs = append(m.msgs, sentMail{to, subject, body})
	m.mu.Unlock()
	select {
	case m.sent <- sentMail{to, subject, body}:
	default: // nobody waits for it; msgs keeps it
	}
	return nil
}

// count is how many messages were sent so far.
func (m *mailbox) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.msgs)
}

// wait returns the next message, failing the test after a few seconds.
func (m *mailbox) wait(t testing.TB) sentMail {
	t.Helper()
	select {
	case msg := <-m.sent:
		return msg
	case <-time.After(5 * time.Second):
		t.Fatal("no mail was sent")
		return sentMail{}
	}
}

// withMail makes the server mail links through m, with a public address.
func withMail(m *mailbox) func(*web.Config) {
	return func(cfg *web.Config) { cfg.Mailer, cfg.BaseURL = m, "https://mnr.example.org" }
}

// fixtureWith is newFixture on an app built with options.
func fixtureWith(t testing.TB, opts ...func(*web.Config)) *fixture {
	t.Helper()
	a := newApp(t, opts...)
	return castFixture(t, a, "")
}

// castFixture creates newFixture's cast on a given app; a prefix ("m1.")
// before every email lets several casts share one database.
func castFixture(t testing.TB, a *app, prefix string) *fixture {
	t.Helper()
	f := &fixture{app: a}
	f.org = a.org("Ministry of Demoland", "XD")
	f.other = a.org("Other Country Council", "FR")
	f.owner = a.user(prefix+"owner@example.org", false)
	f.coordinator = a.user(prefix+"coordinator@example.org", false)
	f.contributor = a.user(prefix+"contributor@example.org", false)
	f.reviewer = a.user(prefix+"reviewer@example.org", false)
	f.viewer = a.user(prefix+"viewer@example.org", false)
	f.outsider = a.user(prefix+"outsider@example.org", false)
	f.admin = a.user(prefix+"admin@example.org", true)
	a.member(f.owner, f.org, assessment.RoleOwner)
	a.member(f.coordinator, f.org, assessment.RoleCoordinator)
	a.member(f.contributor, f.org, assessment.RoleContributor)
	a.member(f.reviewer, f.org, assessment.RoleReviewer)
	a.member(f.viewer, f.org, assessment.RoleViewer)
	a.member(f.outsider, f.other, assessment.RoleOwner)
	f.assess = a.assessment(f.org, nil)
	f.otherAssess = a.assessment(f.other, nil)
	if err := a.db.SetAssignment(context.Background(), assessment.System, f.assess.ID, "leadership", f.contributor.ID, true, assessment.AssignedNotices); err != nil {
		t.Fatal(err)
	}
	return f
}

// session signs u in without the sign-in form (no password hashing, so
// tests that need many signed-in browsers stay fast): it stores a session
// row as the session store would and puts its cookie in a new browser.
func (a *app) session(u assessment.User) *browser {
	a.t.Helper()
	return a.sessionAt(u, time.Now().UTC())
}

// sessionAt is session for a server whose clock reads now.
func (a *app) sessionAt(u assessment.User, now time.Time) *browser {
	a.t.Helper()
	secret := auth.NewSecret(32)
	err := a.db.SaveSession(context.Background(), store.SessionRecord{ID: auth.HashToken(secret), UserID: u.ID,
		Data: `{"uid":` + strconv.FormatInt(u.ID, 10) + `}`, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(12 * time.Hour)})
	if err != nil {
		a.t.Fatal(err)
	}
	b := a.browser()
	base, _ := url.Parse(a.ts.URL)
	b.http.Jar.SetCookies(base, []*http.Cookie{{Name: auth.SessionName, Value: secret, Path: "/"}})
	b.get("/healthz") // sets the CSRF cookie, whose value is the token
	if c := b.cookie("mnr_csrf"); c != nil {
		b.csrf = c.Value
	}
	return b
}

// cookie returns the browser's cookie of that name, or nil.
func (b *browser) cookie(name string) *http.Cookie {
	base, _ := url.Parse(b.a.ts.URL)
	for _, c := range b.http.Jar.Cookies(base) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// events returns the audit events whose action starts with prefix, newest first.
func (a *app) events(prefix string) []assessment.AuditEvent {
	a.t.Helper()
	ev, err := a.db.Audit(context.Background(), store.AuditFilter{ActionPrefix: prefix, Limit: 1000})
	if err != nil {
		a.t.Fatal(err)
	}
	return ev
}

// lastEvent is the newest audit event with exactly this action.
func (a *app) lastEvent(action string) assessment.AuditEvent {
	a.t.Helper()
	for _, e := range a.events(action) {
		if e.Action == action {
			return e
		}
	}
	a.t.Fatalf("no audit event %q", action)
	return assessment.AuditEvent{}
}

// text is the trimmed, space-collapsed text of a page's elements.
func text(s interface{ Text() string }) string { return strings.Join(strings.Fields(s.Text()), " ") }
