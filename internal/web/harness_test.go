package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// TestMain keeps request logs out of test output unless -v is given.
func TestMain(m *testing.M) {
	flag.Parse()
	if !testing.Verbose() {
		slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	}
	os.Exit(m.Run())
}

// testPassword is long enough and not common, so it passes the strength rules.
const testPassword = "correct-battery-staple-42"

// app is a real server on a real SQLite file in a temp dir.
type app struct {
	t   testing.TB
	db  *store.Store
	fw  *framework.Framework
	srv *web.Server
	ts  *httptest.Server
}

func newApp(t testing.TB, opts ...func(*web.Config)) *app {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "mnr.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	fw, err := framework.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := web.Config{Version: "test"}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := web.New(cfg, db, fw)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() }) // after ts.Close (cleanups run last first): the PDF renderer's browser
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &app{t: t, db: db, fw: fw, srv: srv, ts: ts}
}

var hashed = func() string {
	h, err := auth.HashPassword(testPassword)
	if err != nil {
		panic(err)
	}
	return h
}()

// user creates a user (admin when asked) and returns it.
func (a *app) user(email string, admin bool) assessment.User {
	a.t.Helper()
	u, err := a.db.CreateUser(context.Background(), assessment.System, assessment.User{Email: email, Name: strings.Split(email, "@")[0], Lang: "en", PasswordHash: hashed, Admin: admin})
	if err != nil {
		a.t.Fatal(err)
	}
	return u
}

func (a *app) org(name, country string) assessment.Organisation {
	a.t.Helper()
	o, err := a.db.CreateOrganisation(context.Background(), assessment.System, assessment.Organisation{Name: name, Kind: assessment.KindCoordinating, Country: country})
	if err != nil {
		a.t.Fatal(err)
	}
	return o
}

func (a *app) member(u assessment.User, o assessment.Organisation, role assessment.Role) {
	a.t.Helper()
	if _, err := a.db.AddMembership(context.Background(), assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: o.ID, Role: role}); err != nil {
		a.t.Fatal(err)
	}
}

// assessment starts an assessment on o; scope nil means all capabilities.
func (a *app) assessment(o assessment.Organisation, scope []string) assessment.Assessment {
	a.t.Helper()
	in := assessment.AssessmentInput{OrganisationID: o.ID, Title: "National self-assessment", Period: "2026", Scope: scope}
	as, err := in.Validate(a.fw)
	if err != nil {
		a.t.Fatal(err)
	}
	as, err = a.db.CreateAssessment(context.Background(), assessment.System, a.fw, as)
	if err != nil {
		a.t.Fatal(err)
	}
	return as
}

// token returns an API token for u.
func (a *app) token(u assessment.User) string {
	a.t.Helper()
	tok, hash := auth.NewToken()
	if _, err := a.db.CreateToken(context.Background(), assessment.System, assessment.Token{UserID: u.ID, Name: "test", Hash: hash, ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		a.t.Fatal(err)
	}
	return tok
}

// apiResult is a decoded JSON response.
type apiResult struct {
	Status int
	Body   map[string]any
	Raw    []byte
}

func (r apiResult) str(key string) string { s, _ := r.Body[key].(string); return s }

// api calls the JSON API with a bearer token.
func (a *app) api(token, method, path string, body any) apiResult {
	a.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		buf, _ := json.Marshal(b)
		rd = bytes.NewReader(buf)
	}
	req, _ := http.NewRequest(method, a.ts.URL+path, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := apiResult{Status: res.StatusCode, Raw: raw}
	_ = json.Unmarshal(raw, &out.Body)
	return out
}

// browser is a signed-in (or anonymous) HTML client with a cookie jar.
type browser struct {
	a    *app
	http *http.Client
	csrf string
}

func (a *app) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{a: a, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// login signs in through the real form.
func (a *app) login(email string) *browser {
	a.t.Helper()
	b := a.browser()
	res, _ := b.post("/login", url.Values{"email": {email}, "password": {testPassword}, "next": {"/"}})
	if res.StatusCode != http.StatusSeeOther {
		a.t.Fatalf("login %s: status %d", email, res.StatusCode)
	}
	return b
}

// get fetches a page and parses it; it remembers the page's CSRF token.
func (b *browser) get(path string) (*http.Response, *goquery.Document) {
	b.a.t.Helper()
	res, err := b.http.Get(b.a.ts.URL + path)
	if err != nil {
		b.a.t.Fatal(err)
	}
	return b.read(res)
}

func (b *browser) read(res *http.Response) (*http.Response, *goquery.Document) {
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		b.a.t.Fatal(err)
	}
	if v, ok := doc.Find("input[name=_csrf]").First().Attr("value"); ok && v != "" {
		b.csrf = v
	}
	return res, doc
}

// post submits a form with the CSRF token of the last page (fetching the
// sign-in page first when there is none yet).
func (b *browser) post(path string, form url.Values) (*http.Response, *goquery.Document) {
	b.a.t.Helper()
	if b.csrf == "" {
		b.get("/login")
	}
	if form.Get("_csrf") == "" {
		form.Set("_csrf", b.csrf)
	}
	return b.do("POST", path, form, nil)
}

func (b *browser) do(method, path string, form url.Values, header http.Header) (*http.Response, *goquery.Document) {
	b.a.t.Helper()
	req, _ := http.NewRequest(method, b.a.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := b.http.Do(req)
	if err != nil {
		b.a.t.Fatal(err)
	}
	return b.read(res)
}

// fixture is the usual cast: an organisation with a user of each role, an
// assessment, and a second organisation with its own owner and assessment.
type fixture struct {
	*app
	org, other          assessment.Organisation
	owner, coordinator  assessment.User
	contributor         assessment.User
	reviewer, viewer    assessment.User
	outsider, admin     assessment.User
	assess, otherAssess assessment.Assessment
}

func newFixture(t testing.TB) *fixture {
	a := newApp(t)
	f := &fixture{app: a}
	f.org = a.org("Ministry of Demoland", "XD")
	f.other = a.org("Other Country Council", "FR")
	f.owner = a.user("owner@example.org", false)
	f.coordinator = a.user("coordinator@example.org", false)
	f.contributor = a.user("contributor@example.org", false)
	f.reviewer = a.user("reviewer@example.org", false)
	f.viewer = a.user("viewer@example.org", false)
	f.outsider = a.user("outsider@example.org", false)
	f.admin = a.user("admin@example.org", true)
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
