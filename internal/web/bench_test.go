package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func benchFixture(b *testing.B) *fixture { return newFixture(b) }

// BenchmarkSaveAnswer: one autosave through the router, the policy and a
// SQLite transaction (with its audit row), as the API is called.
func BenchmarkSaveAnswer(b *testing.B) {
	f := benchFixture(b)
	tok := f.token(f.coordinator)
	path := fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		body := fmt.Sprintf(`{"answer":"yes","evidence":"Decree %d","version":%d}`, i, i)
		req := httptest.NewRequest("PUT", path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}

// BenchmarkCapabilityPage renders the capability page of a signed-in user.
func BenchmarkCapabilityPage(b *testing.B) {
	f := benchFixture(b)
	br := f.login(f.coordinator.Email)
	u, _ := url.Parse(f.ts.URL)
	var cookies []string
	for _, c := range br.http.Jar.Cookies(u) {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	path := fmt.Sprintf("/assessments/%d/capabilities/legislation", f.assess.ID)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Cookie", strings.Join(cookies, "; "))
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkReportPage builds the full report (both cycles read from SQLite,
// scores, summary, SVG charts) and renders its HTML, as a signed-in viewer.
func BenchmarkReportPage(b *testing.B) {
	f, _, cur := twoCycles(b)
	br := f.login(f.viewer.Email)
	u, _ := url.Parse(f.ts.URL)
	var cookies []string
	for _, c := range br.http.Jar.Cookies(u) {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	path := fmt.Sprintf("/assessments/%d/report", cur.ID)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Cookie", strings.Join(cookies, "; "))
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkAutosave is the capability page script saving one indicator:
// session, CSRF, policy, the versioned write, and the capability's new state
// as JSON.
func BenchmarkAutosave(b *testing.B) {
	f := benchFixture(b)
	br := f.login(f.coordinator.Email)
	br.get(fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID))
	u, _ := url.Parse(f.ts.URL)
	var cookies []string
	for _, c := range br.http.Jar.Cookies(u) {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	path := fmt.Sprintf("/assessments/%d/indicators/leadership-1", f.assess.ID)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		form := url.Values{"answer.leadership-1": {"yes"}, "evidence.leadership-1": {fmt.Sprint("Decree ", i)}, "version.leadership-1": {fmt.Sprint(i)}}
		req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		req.Header.Set("X-CSRF-Token", br.csrf)
		req.Header.Set("Cookie", strings.Join(cookies, "; "))
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}
