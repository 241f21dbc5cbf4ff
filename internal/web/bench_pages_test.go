package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// benchGet requests path b.N times through the router as the signed-in
// user with email, and fails on any status but 200.
func benchGet(b *testing.B, f *fixture, email, path string) {
	br := f.login(email)
	u, _ := url.Parse(f.ts.URL)
	var cookies []string
	for _, c := range br.http.Jar.Cookies(u) {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	cookie := strings.Join(cookies, "; ")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Cookie", cookie)
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d", path, rec.Code)
		}
	}
}

// BenchmarkOverviewPage renders an assessment's overview.
func BenchmarkOverviewPage(b *testing.B) {
	f := benchFixture(b)
	benchGet(b, f, f.coordinator.Email, fmt.Sprintf("/assessments/%d", f.assess.ID))
}

// BenchmarkHomePage renders the home page of a coordinator.
func BenchmarkHomePage(b *testing.B) {
	f := benchFixture(b)
	benchGet(b, f, f.coordinator.Email, "/")
}
