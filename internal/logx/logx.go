// Package logx sets up the process's structured logger (log/slog) and holds
// the one redaction helper for secrets, so connection strings, mail URLs,
// tokens and passwords never reach a log line.
package logx

import (
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mattn/go-isatty"
)

// New returns a logger on w. format is "json", "text", or "" / "auto":
// JSON when w is not a terminal (a service manager, a container, a file),
// text on a terminal. Every attribute passes through Redact.
func New(w io.Writer, format string, level slog.Level) (*slog.Logger, error) {
	opts := &slog.HandlerOptions{Level: level, ReplaceAttr: redactAttr}
	switch strings.ToLower(format) {
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "", "auto":
		if f, ok := w.(*os.File); ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
			return slog.New(slog.NewTextHandler(w, opts)), nil
		}
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: use json, text or auto", format)
}

// secretKeys are attribute keys whose values are never logged as given.
var secretKeys = regexp.MustCompile(`(?i)(password|passwd|secret|token|authorization|cookie|api_?key)`)

// urlKeys are attribute keys whose values are URLs or DSNs that may carry a
// password.
var urlKeys = regexp.MustCompile(`(?i)(dsn|database|db|url|smtp)`)

func redactAttr(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() != slog.KindString {
		return a
	}
	switch classOf(a.Key) {
	case secretKey:
		return slog.String(a.Key, "[redacted]")
	case urlKey:
		return slog.String(a.Key, Redact(a.Value.String()))
	}
	return a
}

// Kinds of attribute key, as the patterns above sort them.
const (
	plainKey = iota
	secretKey
	urlKey
)

// keyClasses remembers each key's kind: every request logs the same few
// keys, and matching them against the patterns each time was a visible
// part of a request's CPU. Keys come from the code, so they are few; past
// keyClassesMax the kind is still worked out, just not kept.
var (
	keyClasses    sync.Map // string → int
	keyClassCount atomic.Int32
)

const keyClassesMax = 1024

func classOf(key string) int {
	if c, ok := keyClasses.Load(key); ok {
		return c.(int)
	}
	c := plainKey
	switch {
	case secretKeys.MatchString(key):
		c = secretKey
	case urlKeys.MatchString(key):
		c = urlKey
	}
	if keyClassCount.Add(1) <= keyClassesMax {
		keyClasses.Store(key, c)
	}
	return c
}

// keyValuePassword matches password=… in libpq key=value connection strings
// and in URL queries.
var keyValuePassword = regexp.MustCompile(`(?i)((?:password|sslpassword|pass)\s*=\s*)('[^']*'|[^\s&]+)`)

// Redact hides the secrets in a connection string or URL: the password of
// postgres://user:secret@host/db and smtp://user:secret@host, and
// password=… in key=value strings or queries. A plain file path is returned
// unchanged. It also serves free text, such as an error that quotes a URL.
func Redact(s string) string {
	if strings.Contains(s, "://") {
		if u, err := url.Parse(s); err == nil && u.User != nil {
			if _, has := u.User.Password(); has {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
			}
			s = u.String()
		}
	}
	s = userinfoPassword.ReplaceAllString(s, "${1}:xxxxx@")
	return keyValuePassword.ReplaceAllString(s, "${1}xxxxx")
}

// userinfoPassword matches scheme://user:password@ anywhere in a text: a
// URL that does not parse (a stray %), or one quoted inside an error
// message (url.Parse's errors quote the whole URL). The password runs to
// the first @.
var userinfoPassword = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]*):[^\s@]*@`)
