package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// pdfFixture is the usual cast on a server that prints PDFs with a
// renderer bounded by cfg, and a small assessment of theirs (two
// capabilities: a short report prints fast) to export; it skips without
// Chromium, and fails in CI.
func pdfFixture(t *testing.T, cfg report.RendererConfig) (*fixture, int64) {
	t.Helper()
	chrome := report.ChromePath()
	if chrome == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is missing in CI")
		}
		t.Skip("chromium not installed: PDF export not tested (CI installs it)")
	}
	f := fixtureWith(t, func(c *web.Config) { c.Chrome, c.PDF = chrome, cfg })
	return f, f.assessment(f.org, []string{"leadership", "legislation"}).ID
}

// pdfAnswer is one export.pdf response.
type pdfAnswer struct {
	status     int
	retryAfter string
	code       string
	body       []byte
}

// exportPDF downloads an assessment's PDF through the API with token.
func (a *app) exportPDF(token string, id int64) pdfAnswer {
	a.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v1/assessments/%d/export.pdf", a.ts.URL, id), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Error(err)
		return pdfAnswer{}
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	out := pdfAnswer{status: res.StatusCode, retryAfter: res.Header.Get("Retry-After"), body: body}
	var e struct{ Code string }
	if json.Unmarshal(body, &e) == nil {
		out.code = e.Code
	}
	return out
}

// isPDF reports whether the answer is a PDF download.
func (p pdfAnswer) isPDF() bool {
	return p.status == http.StatusOK && bytes.HasPrefix(p.body, []byte("%PDF"))
}

// refused checks a refusal: the status, the code and a Retry-After of at
// least a second.
func (p pdfAnswer) refused(t *testing.T, status int, code string) {
	t.Helper()
	if p.status != status || p.code != code {
		t.Fatalf("answer %d %q (%s), want %d %q", p.status, p.code, p.body, status, code)
	}
	if secs, err := strconv.Atoi(p.retryAfter); err != nil || secs < 1 {
		t.Errorf("Retry-After = %q, want whole seconds ≥ 1", p.retryAfter)
	}
}

// viewerIn adds a viewer of org who reads in lang and returns an API token.
func (f *fixture) viewerIn(email, lang string) string {
	f.t.Helper()
	u, err := f.db.CreateUser(context.Background(), assessment.System, assessment.User{Email: email, Name: email, Lang: lang, PasswordHash: hashed})
	if err != nil {
		f.t.Fatal(err)
	}
	f.member(u, f.org, assessment.RoleViewer)
	return f.token(u)
}

// holder serves a frame that loads only when the test frees it: a document
// embedding it occupies a renderer tab for as long as the test needs.
type holder struct {
	ts      *httptest.Server
	release chan struct{}
	once    sync.Once
}

func newHolder(t *testing.T) *holder {
	h := &holder{release: make(chan struct{})}
	h.ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-h.release:
			io.WriteString(w, "<!doctype html><p>frame</p>")
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { h.free(); h.ts.Close() })
	return h
}

func (h *holder) free() { h.once.Do(func() { close(h.release) }) }

// occupy starts a held render for user in the background.
func (h *holder) occupy(r *report.Renderer, user string) <-chan error {
	done := make(chan error, 1)
	// An image holds the load event (an iframe no longer does in Chromium 156).
	doc := fmt.Sprintf(`<!doctype html><title>held</title><img alt="" src="%s/%s">`, h.ts.URL, user)
	go func() {
		_, err := r.Render(context.Background(), report.Job{HTML: []byte(doc), User: user})
		done <- err
	}()
	return done
}

// waitStats polls the renderer until cond holds, failing after 30 s.
func waitStats(t *testing.T, r *report.Renderer, what string, cond func(report.RendererStats) bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond(r.Stats()) {
			return
		}
	}
	t.Fatalf("timed out waiting until %s: %+v", what, r.Stats())
}
