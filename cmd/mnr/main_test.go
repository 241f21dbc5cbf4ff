package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// run executes one subcommand for real, as the binary would.
func run(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	m := NewMain(strings.NewReader(stdin), &out, io.Discard)
	if err := m.Run(context.Background(), args); err != nil {
		t.Fatalf("mnr %v: %v\n%s", args, err, out.String())
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	return out.String()
}

// TestDemoThenServe loads the demo, starts the real server and walks every
// page as the coordinator, checking the demo's numbers.
func TestDemoThenServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mnr.db")
	out := run(t, "", "demo", "-db", db)
	if !strings.Contains(out, "coordinator@demoland.example") || !strings.Contains(out, DemoPassword) {
		t.Fatalf("demo output does not say how to sign in:\n%s", out)
	}
	if again := run(t, "", "demo", "-db", db); !strings.Contains(again, "already loaded") {
		t.Errorf("second demo run: %s", again)
	}
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
		done <- m.Run(ctx, []string{"serve", "-db", db, "-addr", addr})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	base := "http://" + addr
	for i := 0; ; i++ {
		res, err := http.Get(base + "/healthz")
		if err == nil && res.StatusCode == 200 {
			res.Body.Close()
			break
		}
		if i > 100 {
			t.Fatalf("server did not start: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	get := func(path string) *goquery.Document {
		t.Helper()
		res, err := c.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, res.StatusCode)
		}
		doc, err := goquery.NewDocumentFromReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	login := get("/login")
	csrf, _ := login.Find("input[name=_csrf]").Attr("value")
	res, err := c.PostForm(base+"/login", url.Values{"_csrf": {csrf}, "email": {"coordinator@demoland.example"}, "password": {DemoPassword}})
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("sign in: %v %v", err, res.Status)
	}
	res.Body.Close()

	home := get("/")
	links := home.Find(`table a[href^="/assessments/"]:not(.report-link)`)
	if n := home.Find(`table a.report-link[href$="/report"]`).Length(); n != 2 {
		t.Errorf("home: %d links to a report, want one per assessment (2)", n)
	}
	home.Find("table tbody tr").Each(func(_ int, r *goquery.Selection) {
		if got := strings.TrimSpace(r.Find("td").Eq(3).Text()); got != "21" {
			t.Errorf("home: a national assessment lists %q capabilities, want 21", got)
		}
	})
	if links.Length() != 2 {
		t.Fatalf("coordinator sees %d assessments, want 2 (the police assessment belongs to another organisation)", links.Length())
	}
	get("/organisations")
	get("/assessments/new")
	for _, id := range []int{1, 2} {
		doc := get(fmt.Sprintf("/assessments/%d", id))
		rows := doc.Find("tr[data-capability]")
		if rows.Length() != 21 {
			t.Fatalf("assessment %d shows %d capabilities", id, rows.Length())
		}
		rows.Each(func(i int, r *goquery.Selection) {
			key, _ := r.Attr("data-capability")
			cap := get(fmt.Sprintf("/assessments/%d/capabilities/%s", id, key))
			if cap.Find("fieldset.indicator").Length() < 4 {
				t.Errorf("assessment %d capability %s: indicators missing", id, key)
			}
			if id == 1 {
				want := fmt.Sprint(demoPhases2025[i+1])
				if got := strings.TrimSpace(r.Find(".confirmed").Text()); !strings.HasPrefix(got, want+" ·") {
					t.Errorf("2025 %s confirmed = %q, want phase %s", key, got, want)
				}
			}
		})
		txt := doc.Find("#overall-completion").Text()
		if id == 1 && !strings.Contains(txt, "100%") {
			t.Errorf("2025 completion = %q, want 100%%", txt)
		}
		if id == 2 && strings.Contains(txt, "100%") {
			t.Errorf("2026 should be in progress, completion = %q", txt)
		}
		if id == 1 {
			// The report of the approved 2025 cycle: every capability assessed,
			// and the mean of the demo's phases.
			rep := get("/assessments/1/report")
			sum := 0
			for _, p := range demoPhases2025[1:] {
				sum += p
			}
			if got, want := rep.Find("#overall-mean").Text(), fmt.Sprintf("%.1f", float64(sum)/21); got != want {
				t.Errorf("2025 report mean = %q, want %q", got, want)
			}
			if got := rep.Find("#overall-assessed").Text(); !strings.Contains(got, "21") || strings.Count(got, "21") != 2 {
				t.Errorf("2025 report assessed = %q, want 21 of 21", got)
			}
			if n := rep.Find("section.report-domain").Length(); n != 6 {
				t.Errorf("2025 report has %d domain sections", n)
			}
		}
		if id == 2 {
			rep := get("/assessments/2/report")
			if rep.Find("section.change").Length() != 1 {
				t.Error("the 2026 report does not show the change since 2025")
			}
		}
		if id == 1 && !strings.Contains(doc.Find(".status").Text(), "Approved") {
			t.Errorf("2025 status = %q", doc.Find(".status").Text())
		}
	}
}

func TestCLIUserMemberToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mnr.db")
	run(t, "a-long-enough-secret-phrase\n", "user", "add", "-db", db, "--email", "Root@Example.org", "--name", "Root", "--admin")
	m := NewMain(strings.NewReader("short\n"), io.Discard, io.Discard)
	if err := m.Run(context.Background(), []string{"user", "add", "-db", db, "--email", "x@example.org", "--name", "X"}); err == nil || !strings.Contains(err.Error(), "at least 12") {
		t.Errorf("weak password accepted: %v", err)
	}
	tok := strings.TrimSpace(run(t, "", "token", "create", "-db", db, "--email", "root@example.org", "--name", "script"))
	if !strings.HasPrefix(tok, "mnr_") {
		t.Fatalf("token = %q", tok)
	}
	out := run(t, "", "framework", "validate", "../../internal/framework/data/mnr-2026.1.yaml")
	if !strings.Contains(out, "21 capabilities") {
		t.Errorf("validate: %s", out)
	}
	if v := run(t, "", "version"); !strings.Contains(v, "framework 2026.2") {
		t.Errorf("version: %s", v)
	}
}
