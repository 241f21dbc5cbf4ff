package redact

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestURLAndText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"postgres://mnr:s3cret@db.example:5432/mnr?sslmode=require", "postgres://mnr:xxxxx@db.example:5432/mnr?sslmode=require"},
		{"postgresql://mnr:p%40ss%2Fw@db/mnr", "postgresql://mnr:xxxxx@db/mnr"},
		{"postgres://db/mnr?user=mnr&password=s3cret", "postgres://db/mnr?password=xxxxx&user=mnr"},
		{"postgres://mnr@db/mnr?sslpassword=key", "postgres://mnr@db/mnr?sslpassword=xxxxx"},
		{"smtp://mailer:hunter2@smtp.example:587?from=noreply@example.org", "smtp://mailer:xxxxx@smtp.example:587?from=noreply%40example.org"},
		{"./data/mnr.db", "./data/mnr.db"},
		{"file:/var/lib/mnr/mnr.db?_busy_timeout=5000", "file:/var/lib/mnr/mnr.db?_busy_timeout=5000"},
		{"host=db user=mnr password=s3cret dbname=mnr", "host=db user=mnr password=xxxxx dbname=mnr"},
		{"host=db password='s3 cret' dbname=mnr", "host=db password=xxxxx dbname=mnr"},
		{"postgres://mnr:bad%zzpass@db/mnr", "postgres://mnr:xxxxx@db/mnr"}, // does not parse
	}
	for _, c := range cases {
		if got := URL(c.in); got != c.want {
			t.Errorf("URL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// An error that quotes a URL which failed to parse.
	_, err := url.Parse("smtp://mailer:bad%zzsecret@smtp.example")
	if err == nil || !strings.Contains(err.Error(), "secret") {
		t.Fatalf("the example error should quote the password: %v", err)
	}
	if got := Text(errors.Join(errors.New("MNR_SMTP_URL"), err).Error()); strings.Contains(got, "secret") {
		t.Errorf("Text left the password in %q", got)
	}
}
