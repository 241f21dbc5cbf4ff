package web

import (
	"net/url"
	"strings"
)

// safeNext keeps a return-to address (after sign-in, after a language
// switch) on this site: a path, never another origin. It judges the
// address as a browser will follow it, after the browser's own clean-up:
// leading and trailing control characters and spaces dropped, tabs and
// line breaks removed anywhere, and a backslash read as a slash. So
// "/\t/evil.example" and "/\evil.example", which a browser follows to
// //evil.example, go to "/" instead. The cleaned path is what it returns.
func safeNext(next string) string {
	s := strings.TrimFunc(next, func(r rune) bool { return r <= ' ' })
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, s)
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") {
		return "/"
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "/"
	}
	return s
}
