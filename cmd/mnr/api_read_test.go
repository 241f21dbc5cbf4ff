package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// goldenAssessments holds the API's answer for each demo assessment as it
// was before that read was cached, with its times numbered (the demo
// stamps them with the clock). MNR_GOLDEN_UPDATE=1 writes it again.
const goldenAssessments = "testdata/demo-assessments-api.json"

// TestDemoAssessmentJSONUnchanged: GET /api/v1/assessments/{id} answers
// every demo assessment with the JSON it gave before the read was cached,
// byte for byte but for the times' values; the first answer (built) and
// the next ones (kept), gzipped or not, are the very same bytes.
func TestDemoAssessmentJSONUnchanged(t *testing.T) {
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	db, ts := demoSite(t)
	var all bytes.Buffer
	for _, email := range []string{"coordinator@demoland.example", "police@demoland.example"} {
		tok := demoToken(t, db, email)
		for _, id := range demoAssessmentIDs(t, db, email) {
			path := fmt.Sprintf("/api/v1/assessments/%d", id)
			first := apiGet(t, ts, tok, path, true)
			for _, gz := range []bool{true, false, true} {
				if again := apiGet(t, ts, tok, path, gz); !bytes.Equal(again, first) {
					t.Fatalf("%s read again (gzip %v) differs:\n%s\nfirst:\n%s", path, gz, again, first)
				}
			}
			fmt.Fprintf(&all, "%s as %s\n%s", path, email, numberTimes(first))
		}
	}
	if os.Getenv("MNR_GOLDEN_UPDATE") == "1" {
		if err := os.MkdirAll(filepath.Dir(goldenAssessments), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenAssessments, all.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenAssessments)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(all.Bytes(), want) {
		t.Fatalf("the assessments' JSON changed; got:\n%s", all.Bytes())
	}
}

// demoAssessmentIDs lists the assessments of the organisations of the
// demo user with email.
func demoAssessmentIDs(t *testing.T, db *store.Store, email string) []int64 {
	t.Helper()
	ctx := context.Background()
	u, err := db.UserByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := db.Memberships(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	var orgs []int64
	for _, m := range ms {
		orgs = append(orgs, m.OrganisationID)
	}
	list, err := db.Assessments(ctx, orgs)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range list {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return ids
}

// apiGet reads path with the bearer token, asking for gzip or not, and
// returns the JSON as sent (inflated when it came gzipped).
func apiGet(t *testing.T, ts *httptest.Server, tok, path string, gz bool) []byte {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	rec := httptest.NewRecorder()
	ts.Config.Handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("%s: status %d, type %q: %s", path, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	body := rec.Body.Bytes()
	if enc := rec.Header().Get("Content-Encoding"); enc == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	} else if enc != "" || gz {
		t.Fatalf("%s: encoding %q (gzip asked: %v)", path, enc, gz)
	}
	return body
}

// jsonTime is a time as encoding/json writes a time.Time.
var jsonTime = regexp.MustCompile(`"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"`)

// numberTimes replaces each distinct time by its number in order of first
// appearance and its zone as written, so equal times stay equal and the
// rest is compared as is.
func numberTimes(b []byte) []byte {
	seen := map[string]int{}
	return jsonTime.ReplaceAllFunc(b, func(m []byte) []byte {
		n, ok := seen[string(m)]
		if !ok {
			n = len(seen) + 1
			seen[string(m)] = n
		}
		zone := jsonTime.FindSubmatch(m)[2]
		return fmt.Appendf(nil, `"<time %d %s>"`, n, zone)
	})
}
