package web

import "testing"

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"":                           "/",
		"/":                          "/",
		"/assessments/3":             "/assessments/3",
		"/assessments/3?tab=a#cap-1": "/assessments/3?tab=a#cap-1",
		"/invitations/abc%2Fdef":     "/invitations/abc%2Fdef",
		"/%2F%2Fevil.example":        "/%2F%2Fevil.example", // a path on this site
		"//evil.example":             "/",
		"///evil.example":            "/",
		"/\\evil.example":            "/",
		"\\\\evil.example":           "/",
		"/\t/evil.example":           "/",
		"/\r\n/evil.example":         "/",
		"\t//evil.example":           "/",
		" //evil.example":            "/",
		"\x00//evil.example":         "/",
		"/\\/evil.example":           "/",
		"https://evil.example/":      "/",
		"http:/evil.example":         "/",
		"javascript:alert(1)":        "/",
		"evil.example":               "/",
		"./account":                  "/",
		"/acc\tount":                 "/account",
		" /account ":                 "/account",
		"/a%zz":                      "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}
