package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

type readyBody struct {
	Status string `json:"status"`
	Checks []struct {
		Name   string `json:"name"`
		OK     bool   `json:"ok"`
		Fatal  bool   `json:"fatal"`
		Detail string `json:"detail"`
	} `json:"checks"`
}

func probe(t *testing.T, base, path string) (int, readyBody) {
	t.Helper()
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b readyBody
	raw, _ := io.ReadAll(res.Body)
	json.Unmarshal(raw, &b)
	return res.StatusCode, b
}

func checkOf(b readyBody, name string) (ok bool, detail string) {
	for _, c := range b.Checks {
		if c.Name == name {
			return c.OK, c.Detail
		}
	}
	return false, "missing"
}

func TestReadyzWhenHealthy(t *testing.T) {
	a := newApp(t)
	status, b := probe(t, a.ts.URL, "/readyz")
	if status != 200 || b.Status != "ready" || len(b.Checks) != 5 {
		t.Fatalf("readyz = %d %+v", status, b)
	}
	for _, name := range []string{"database", "migrations", "write", "disk"} {
		if ok, d := checkOf(b, name); !ok {
			t.Errorf("%s check failed: %s", name, d)
		}
	}
	if _, d := checkOf(b, "migrations"); !strings.HasPrefix(d, "schema version ") {
		t.Errorf("migrations detail = %q", d)
	}
	// No Chromium configured: reported, not fatal.
	if ok, d := checkOf(b, "pdf"); ok || !strings.Contains(d, "Chromium") {
		t.Errorf("pdf check = %v %q", ok, d)
	}
}

// TestReadyzFailsOnReadOnlyDatabase: the database answers reads but
// refuses writes (as SQLite does for a file it cannot write): /readyz is
// 503 with the write check failed, while /healthz stays 200.
func TestReadyzFailsOnReadOnlyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mnr.db")
	rw, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := rw.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	rw.Close()
	db, err := store.OpenWith(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fw, _ := framework.Default()
	srv, err := web.New(web.Config{Version: "test"}, db, fw)
	if err != nil {
		t.Fatal(err)
	}
	ts := newServer(t, srv)
	status, b := probe(t, ts, "/readyz")
	if ok, d := checkOf(b, "write"); status != 503 || b.Status != "not ready" || ok || !strings.Contains(d, "readonly") {
		t.Fatalf("readyz = %d %+v", status, b)
	}
	if ok, _ := checkOf(b, "database"); !ok {
		t.Error("reads still work, yet the database check failed")
	}
	if status, _ := probe(t, ts, "/healthz"); status != 200 {
		t.Errorf("healthz = %d", status)
	}
}

// TestReadyzFailsOnFullDisk injects a file system with 10 MB free under a
// 200 MB minimum.
func TestReadyzFailsOnFullDisk(t *testing.T) {
	a := newApp(t, func(c *web.Config) {
		c.Ops.MinFreeBytes = 200 << 20
		c.Ops.FreeSpace = func(string) (uint64, error) { return 10 << 20, nil }
	})
	status, b := probe(t, a.ts.URL, "/readyz")
	if ok, d := checkOf(b, "disk"); status != 503 || ok || !strings.Contains(d, "10 MB free") || !strings.Contains(d, "200 MB") {
		t.Fatalf("readyz = %d %+v", status, b)
	}
	if status, _ := probe(t, a.ts.URL, "/healthz"); status != 200 {
		t.Errorf("healthz = %d", status)
	}
}

// TestMetricsEndpoint: after some requests the histograms carry the route
// pattern (not the path) and the status; without the token it is 401.
func TestMetricsEndpoint(t *testing.T) {
	a := newApp(t, func(c *web.Config) { c.Ops.MetricsToken = "scrape-secret" })
	u := a.user("coord@example.org", false)
	o := a.org("Council", "XB")
	a.member(u, o, assessment.RoleCoordinator)
	as := a.assessment(o, []string{"leadership"})
	b := a.session(u)
	b.get("/assessments/" + itoa(as.ID))
	b.get("/assessments/" + itoa(as.ID) + "/capabilities/leadership")
	b.post("/assessments/"+itoa(as.ID)+"/indicators/leadership-1", url.Values{"answer.leadership-1": {"yes"}, "version.leadership-1": {"0"}})
	b.post("/assessments/"+itoa(as.ID)+"/indicators/leadership-1", url.Values{"answer.leadership-1": {"no"}, "version.leadership-1": {"0"}})
	a.browser().post("/login", url.Values{"email": {"coord@example.org"}, "password": {"wrong password"}})

	get := func(token string) (int, string) {
		req, _ := http.NewRequest("GET", a.ts.URL+"/metrics", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(raw)
	}
	if status, _ := get(""); status != 401 {
		t.Errorf("no token: %d", status)
	}
	if status, _ := get("wrong"); status != 401 {
		t.Errorf("wrong token: %d", status)
	}
	status, body := get("scrape-secret")
	if status != 200 {
		t.Fatalf("metrics: %d", status)
	}
	for _, want := range []string{
		`mnr_http_request_duration_seconds_bucket{method="GET",route="/assessments/:id",status="200",le="0.5"}`,
		`mnr_http_request_duration_seconds_count{method="GET",route="/assessments/:id/capabilities/:key",status="200"}`,
		`mnr_saves_total{kind="answer",result="ok"}`,
		`mnr_saves_total{kind="answer",result="conflict"}`,
		`mnr_conflicts_total{route="/assessments/:id/indicators/:key"}`,
		`mnr_signin_failures_total{method="password"}`,
		`mnr_pdf_queue_depth`, `go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, `route="/assessments/`+itoa(as.ID)) {
		t.Error("a raw path became a label")
	}
}

// TestRequestLogLine: JSON request lines carry the request id, user,
// organisation, route pattern, status and latency, and no secret.
func TestRequestLogLine(t *testing.T) {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&buf, nil)))
	defer slog.SetDefault(prev)
	a := newApp(t)
	u := a.user("coord@example.org", false)
	o := a.org("Council", "XB")
	a.member(u, o, assessment.RoleCoordinator)
	as := a.assessment(o, []string{"leadership"})
	b := a.session(u)
	b.get("/assessments/" + itoa(as.ID))
	a.browser().get("/invitations/secret-link-value")
	var seen bool
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) != nil || m["msg"] != "request" {
			continue
		}
		if m["route"] == "/assessments/:id" {
			seen = true
			if m["request_id"] == "" || m["user_id"] != float64(u.ID) || m["organisation_id"] != float64(o.ID) || m["status"] != float64(200) || m["latency_ms"] == nil {
				t.Errorf("request line = %s", line)
			}
		}
	}
	if !seen {
		t.Fatalf("no request line for the assessment page:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), "secret-link-value") {
		t.Error("a one-time link's secret was logged")
	}
}

// TestAdminErasePage: a platform administrator erases a person through the
// page; the email must be typed twice; others are refused.
func TestAdminErasePage(t *testing.T) {
	a := newApp(t)
	admin := a.user("root@example.org", true)
	victim := a.user("amira.haddad@example.org", false)
	o := a.org("Council", "XB")
	a.member(victim, o, assessment.RoleCoordinator)
	b := a.session(admin)
	res, doc := b.get("/admin/erase")
	if res.StatusCode != 200 || doc.Find("input#erase-email").Length() != 1 {
		t.Fatalf("page: %d", res.StatusCode)
	}
	res, doc = b.post("/admin/erase", url.Values{"email": {"amira.haddad@example.org"}, "confirm": {"amira@example.org"}})
	if res.StatusCode != 422 || doc.Find("#erase-confirm-error").Length() != 1 {
		t.Fatalf("mismatched confirmation: %d", res.StatusCode)
	}
	res, _ = b.post("/admin/erase", url.Values{"email": {"root@example.org"}, "confirm": {"root@example.org"}})
	if res.StatusCode != 422 {
		t.Errorf("erasing oneself: %d", res.StatusCode)
	}
	res, _ = b.post("/admin/erase", url.Values{"email": {"Amira.Haddad@example.org"}, "confirm": {"amira.haddad@example.org"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("erase: %d", res.StatusCode)
	}
	_, doc = b.get("/admin/erase")
	if got := text(doc.Find(".flash")); !strings.Contains(got, "Former user "+itoa(victim.ID)) {
		t.Errorf("flash = %q", got)
	}
	u, _ := a.db.User(context.Background(), victim.ID)
	if u.Name != "Former user "+itoa(victim.ID) || !assessment.IsErasedEmail(u.Email) {
		t.Errorf("account = %+v", u)
	}
	// The pseudonym is shown in the reader's language.
	owner := a.user("owner@example.org", false)
	a.member(owner, o, assessment.RoleOwner)
	ob := a.session(owner)
	ob.post("/language", url.Values{"lang": {"fr"}, "next": {"/"}})
	res, doc = ob.get("/organisations/" + itoa(o.ID) + "/activity")
	if res.StatusCode != 200 || !strings.Contains(doc.Text(), "Ancien utilisateur "+itoa(victim.ID)) {
		t.Errorf("activity in French does not name the pseudonym in French (%d)", res.StatusCode)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func newServer(t *testing.T, h http.Handler) string {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}
