// Package redact removes passwords from connection strings before they are
// logged or shown: database URLs and DSNs, SMTP URLs, and error messages
// that quote them.
package redact

import (
	"net/url"
	"regexp"
	"strings"
)

// Mask replaces every secret.
const Mask = "xxxxx"

// URL returns s with its password hidden: the password of a URL's user
// information, query values whose names speak of a secret (password=,
// sslpassword=, token=), and password=… in a key=value DSN. A string that
// does not parse as a URL is redacted as Text.
func URL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Opaque != "" {
		return Text(s)
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), Mask)
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if secretKey(k) {
				q.Set(k, Mask)
			}
		}
		u.RawQuery = q.Encode()
	}
	return strings.Replace(u.String(), url.QueryEscape(Mask), Mask, -1)
}

var (
	// scheme://user:password@ anywhere in a text, even in a URL that does
	// not parse (the password up to the first @).
	userinfo = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]*):[^\s@]*@`)
	// name=value pairs whose name speaks of a secret, in DSNs and queries.
	keyValue = regexp.MustCompile(`(?i)\b([a-z_]*(?:password|passwd|pwd|secret|token))=('[^']*'|[^\s&]*)`)
)

// Text hides every password it recognises in free text, such as an error
// message that quotes a connection string.
func Text(s string) string {
	s = userinfo.ReplaceAllString(s, "${1}:"+Mask+"@")
	return keyValue.ReplaceAllString(s, "${1}="+Mask)
}

func secretKey(k string) bool {
	k = strings.ToLower(k)
	for _, w := range []string{"password", "passwd", "pwd", "secret", "token"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}
