package auth

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// The browser's description is stored as valid text of at most 300
// characters, whatever bytes the header carried (PostgreSQL refuses
// invalid UTF-8, and a byte cut mid-character would be invalid).
func TestUserAgentIsStoredAsText(t *testing.T) {
	for _, ua := range []string{
		"Mozilla/5.0 \xff\xfe broken",
		"tab\tand\x01control",
		strings.Repeat("é", 400),
		strings.Repeat("a", 299) + "é",
	} {
		r, _ := http.NewRequest("GET", "/", nil)
		r.Header.Set("User-Agent", ua)
		got := userAgent(r)
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > 300 || strings.ContainsAny(got, "\x00\x01\t") {
			t.Errorf("userAgent(%q) = %q", ua, got)
		}
	}
}
